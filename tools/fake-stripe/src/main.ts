#!/usr/bin/env node
import { optionsFromEnv } from './config';
import { startFakeStripe } from './index';

/** `node dist/main.js` / `npx tsx tools/fake-stripe/src/main.ts`: the fake on FAKE_STRIPE_PORT (12111). */
async function main(): Promise<void> {
  let options: ReturnType<typeof optionsFromEnv>;
  try {
    options = optionsFromEnv();
  } catch (err) {
    process.stderr.write(`fake-stripe: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const fake = await startFakeStripe(options);
  process.stdout.write(
    `fake-stripe listening on ${fake.url}\n` +
      `  webhooks → ${options.webhookUrl || '(none)'} signed with ${options.webhookSecret === 'whsec_bigtix_dev_secret' ? 'the default dev secret' : 'STRIPE_WEBHOOK_SECRET'}\n` +
      `  controls: ${fake.url}/__control/webhooks, /__control/deliveries\n`,
  );
  const stop = (signal: string) => {
    process.stdout.write(`fake-stripe: ${signal}, shutting down\n`);
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`fake-stripe failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
