// The model-based concurrency test of the purchase flow (test/model): the real domain functions of
// tickets and orders on the real dev database, under a scheduler that picks every interleaving.
// `make test` runs a small budget (MODEL_RUNS, default 60); `make test-model` runs thousands.
const path = require('path');
module.exports = require('../../jest.preset')(path.join(__dirname, '..'), {
  displayName: 'e2e/model',
  testMatch: ['<rootDir>/test/model/**/*.test.ts'],
});
