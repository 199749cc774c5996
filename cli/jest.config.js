module.exports = require('../jest.preset')(__dirname, {
  // Builds dist/ once so the integration tests can run the real `bigtix` binary.
  globalSetup: '<rootDir>/test/support/global-setup.js',
});
