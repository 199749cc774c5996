// A Dockerfile parser for the subset BigTix uses: stages, instructions with flags, line
// continuations, exec and shell forms. Enough to check rules that hadolint would.
'use strict';

/** @returns {{ stages: { from: string, name?: string, instructions: { op: string, args: string, flags: Record<string,string> }[] }[], args: Record<string,string> }} */
function parseDockerfile(text) {
  const logical = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!current && /^\s*(#|$)/.test(line)) continue;
    if (/^\s*#/.test(line)) continue; // comments inside a continued instruction
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, ' ');
      continue;
    }
    logical.push((current + line).trim());
    current = '';
  }
  if (current.trim()) logical.push(current.trim());

  const stages = [];
  const args = {};
  for (const line of logical) {
    const m = /^(\w+)\s+(.*)$/s.exec(line);
    if (!m) throw new Error(`cannot parse Dockerfile line: ${line}`);
    const op = m[1].toUpperCase();
    let rest = m[2];
    const flags = {};
    let f;
    while ((f = /^--([\w-]+)(?:=(\S+))?\s+/.exec(rest))) {
      flags[f[1]] = f[2] ?? 'true';
      rest = rest.slice(f[0].length);
    }
    if (op === 'FROM') {
      const [image, as, name] = rest.split(/\s+/);
      if (as && as.toUpperCase() !== 'AS') throw new Error(`bad FROM: ${line}`);
      stages.push({ from: image, name, instructions: [] });
    } else if (op === 'ARG' && stages.length === 0) {
      const [k, v] = rest.split('=');
      args[k] = v;
    } else {
      if (!stages.length) throw new Error(`${op} before FROM`);
      stages[stages.length - 1].instructions.push({ op, args: rest, flags });
    }
  }
  return { stages, args };
}

/** COPY/ADD sources and destination, exec (JSON) or shell form. */
function copyParts(args) {
  const parts = args.trim().startsWith('[') ? JSON.parse(args) : args.trim().split(/\s+/);
  return { sources: parts.slice(0, -1), dest: parts[parts.length - 1] };
}

module.exports = { parseDockerfile, copyParts };
