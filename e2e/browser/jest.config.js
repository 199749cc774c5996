// Browser end-to-end tests in Debian's Chromium, against an isolated stack with the production
// web build that global-setup starts (or the one BIGTIX_URL names). Serial: one browser at a time.
const path = require('path');
module.exports = require('../../jest.preset')(path.join(__dirname, '..'), {
  displayName: 'e2e/browser',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  globalSetup: path.join(__dirname, 'global-setup.js'),
  globalTeardown: path.join(__dirname, 'global-teardown.js'),
  testTimeout: 240_000,
});
