// Stops the stack global-setup started and removes its databases and queues.
const amqp = require('amqplib');
const mongoose = require('mongoose');

module.exports = async () => {
  const stack = globalThis.__BIGTIX_BROWSER_STACK__;
  if (!stack) return;
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-stack.child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
      resolve();
    }, 15_000);
    stack.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-stack.child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
  const services = ['auth', 'tickets', 'orders', 'payments'];
  for (const service of services) {
    const conn = await mongoose.createConnection(`mongodb://127.0.0.1:27017/${stack.stackId}-${service}`).asPromise();
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  }
  const model = await amqp.connect(process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  for (const service of services) {
    for (const suffix of ['', '.retry', '.dead']) {
      const ch = await model.createChannel();
      ch.on('error', () => undefined);
      await ch.deleteQueue(`${stack.stackId}.${service}.events${suffix}`).catch(() => undefined);
      await ch.close().catch(() => undefined);
    }
  }
  const ch = await model.createChannel();
  await ch.deleteExchange(`bigtix.${stack.stackId}`).catch(() => undefined);
  await model.close();
};
