// The e2e workspace holds several suites; this project runs test/browser against the real stack.
const path = require('path');
module.exports = require('../../jest.preset')(path.join(__dirname, '..'), {
  displayName: 'e2e/browser',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
});
