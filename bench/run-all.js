#!/usr/bin/env node
// `make bench`: compile the bench workspace (its scripts are TypeScript and the root build skips
// it), then start a private stack, run every benchmark and rewrite docs/BENCHMARKS.md.
//   node bench/run-all.js                       every benchmark
//   node bench/run-all.js read-tickets ...      only these (the other sections are carried over)
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
try {
  execFileSync(process.execPath, [tsc, '-b', 'bench'], { cwd: root, stdio: 'inherit' });
} catch {
  // tsc -b still emits files without errors of their own; a script that did not build is
  // reported as not measured and keeps its previous section.
  console.error('[run-all] tsc reported errors in bench/ (above); running what was built');
}
if (!fs.existsSync(path.join(__dirname, 'dist', 'lib', 'run-all.js'))) {
  console.error('[run-all] bench/dist/lib/run-all.js is missing: the bench library did not build');
  process.exit(1);
}
require('./dist/lib/run-all')
  .main()
  .catch((err) => {
    console.error(`[run-all] failed: ${err && err.stack ? err.stack : err}`);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 500).unref());
