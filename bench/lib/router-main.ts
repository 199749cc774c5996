// Child process entry: the dev runner's one-origin router with routes from BENCH_ROUTES, on PORT.
// A separate process, so proxying never shares an event loop with the load generator.
import { Route, startRouter } from '@bigtix/dev-runner';

async function main(): Promise<void> {
  const routes = JSON.parse(process.env.BENCH_ROUTES ?? '[]') as Route[];
  const router = await startRouter({ routes, port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  console.log(`bench router listening on ${router.url}`);
  const stop = () => router.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
