// CLI: `node dist/main.js` or `npx tsx tools/fake-ticketmaster/src/main.ts`.
import { DEFAULT_API_KEY, DEFAULT_DAILY_QUOTA, DEFAULT_RATE_LIMIT_PER_SECOND, startFakeTicketmaster } from './index';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const port = intFromEnv('FAKE_TICKETMASTER_PORT', 12112);
  const apiKey = process.env.FAKE_TICKETMASTER_API_KEY || DEFAULT_API_KEY;
  const rateLimitPerSecond = intFromEnv('FAKE_TICKETMASTER_RATE_LIMIT', DEFAULT_RATE_LIMIT_PER_SECOND);
  const dailyQuota = intFromEnv('FAKE_TICKETMASTER_DAILY_QUOTA', DEFAULT_DAILY_QUOTA);
  const host = process.env.FAKE_TICKETMASTER_HOST || '127.0.0.1';
  const imageBaseUrl = process.env.FAKE_TICKETMASTER_IMAGE_BASE_URL || 'self';
  const seatmapBaseUrl = process.env.FAKE_TICKETMASTER_SEATMAP_BASE_URL || 'self';

  const server = await startFakeTicketmaster({
    port,
    host,
    apiKey,
    rateLimitPerSecond,
    dailyQuota,
    imageBaseUrl,
    seatmapBaseUrl,
  });
  const limit = rateLimitPerSecond === 0 ? 'no rate limit' : `${rateLimitPerSecond} req/s per key`;
  // One line, so a dev runner can wait for "listening on".
  console.log(
    `fake Ticketmaster Discovery API listening on ${server.url} (${server.catalogue.length} events, ${limit})`,
  );

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
