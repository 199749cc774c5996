// Every workspace with a jest.config.js is a project; `npx jest --selectProjects <name>` runs one.
const fs = require('fs');
const path = require('path');
const pkg = require('./package.json');

function workspaceDirs() {
  const dirs = [];
  for (const pattern of pkg.workspaces) {
    if (pattern.endsWith('/*')) {
      const parent = path.join(__dirname, pattern.slice(0, -2));
      if (!fs.existsSync(parent)) continue;
      for (const name of fs.readdirSync(parent)) dirs.push(path.join(parent, name));
    } else {
      dirs.push(path.join(__dirname, pattern));
    }
  }
  // e2e/ holds several suites (api, browser, faults), each its own project.
  const e2e = path.join(__dirname, 'e2e');
  if (fs.existsSync(e2e)) for (const name of fs.readdirSync(e2e)) dirs.push(path.join(e2e, name));
  return dirs.filter((d) => fs.existsSync(path.join(d, 'jest.config.js')));
}

module.exports = {
  projects: workspaceDirs(),
  // Integration tests share one database server and broker on a 2-core machine.
  maxWorkers: 2,
  testTimeout: 30000,
};
