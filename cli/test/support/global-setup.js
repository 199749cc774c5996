// Compiles cli/ (and @bigtix/common, a project reference) so tests run the real bin/bigtix.js.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const repo = path.join(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'cli'], { cwd: repo, stdio: 'inherit' });
};
