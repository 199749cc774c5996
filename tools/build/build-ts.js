#!/usr/bin/env node
// Builds (or type-checks) every TypeScript workspace that has a tsconfig.json, with one `tsc -b`
// so project references are built once and in order. The web app is built by Next, not here.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));
const skip = new Set(['web', 'e2e', 'bench']);

const dirs = [];
for (const pattern of pkg.workspaces) {
  const candidates = pattern.endsWith('/*')
    ? fs.existsSync(path.join(root, pattern.slice(0, -2)))
      ? fs.readdirSync(path.join(root, pattern.slice(0, -2))).map((n) => path.join(pattern.slice(0, -2), n))
      : []
    : [pattern];
  for (const dir of candidates) {
    if (!skip.has(dir) && fs.existsSync(path.join(root, dir, 'tsconfig.json'))) dirs.push(dir);
  }
}
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
try {
  execFileSync(process.execPath, [tsc, '-b', ...dirs, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
} catch (err) {
  process.exit(err.status ?? 1); // tsc already printed the errors
}
