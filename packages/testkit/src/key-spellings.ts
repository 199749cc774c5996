// The scan behind each service's models/keys.test.ts: a stored key's format is spelled in one
// file, and a domain (or any other) file that builds one itself is found and named.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * An interpolation glued to a key separator: `${a}#${b}`, `${a}:${b}`, `${a}:late`, `sale:${a}`,
 * `bigtix-pi-${a}`, `order_${a}`. Prose (`order ${id}`, `Refunded: ${why}`), paths
 * (`/orders/${id}`) and a type's `${string}` do not match.
 */
export const KEY_SHAPE = /(?:[\w-][#:@-]|[a-z]_)\$\{(?!string\})|\}[#:@-](?:\$\{|\w)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every line under `srcDir`, outside `keysFile`, that spells a key (`file:line  code`).
 * `notKeys` maps a line that has the shape but builds no stored key to the file it may sit in.
 */
export function keysSpelledOutside(srcDir: string, keysFile: string, notKeys: Record<string, string> = {}): string[] {
  return sourceFiles(srcDir)
    .filter((f) => f !== keysFile)
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${path.relative(srcDir, f)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => line.includes('`') && KEY_SHAPE.test(line))
        .filter(({ where, line }) => !where.startsWith(`${notKeys[line]}:`))
        .map(({ where, line }) => `${where}  ${line}`),
    );
}

/** The template-literal lines of `keysFile`, and those of them the scan would not recognise. */
export function keyTemplates(keysFile: string): { all: string[]; unrecognised: string[] } {
  const all = readFileSync(keysFile, 'utf8')
    .split('\n')
    .filter((line) => /`[^`]*\$\{(?!string\})[^`]*`/.test(line));
  return { all, unrecognised: all.filter((line) => !KEY_SHAPE.test(line)) };
}
