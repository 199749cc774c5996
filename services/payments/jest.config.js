// Service tests run against the shared FerretDB, RabbitMQ and a fake Stripe on a busy machine:
// a minute per test leaves room for slow moments without hiding a hang forever.
module.exports = require('../../jest.preset')(__dirname, { testTimeout: 60_000 });
