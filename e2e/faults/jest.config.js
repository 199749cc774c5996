// The e2e workspace holds several suites; this project runs test/faults against the real stack.
const path = require('path');
module.exports = require('../../jest.preset')(path.join(__dirname, '..'), {
  displayName: 'e2e/faults',
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
});
