// The e2e workspace holds several suites; this project runs test/api against the real stack.
const path = require('path');
module.exports = require('../../jest.preset')(path.join(__dirname, '..'), {
  displayName: 'e2e/api',
  testMatch: ['<rootDir>/test/api/**/*.test.ts'],
});
