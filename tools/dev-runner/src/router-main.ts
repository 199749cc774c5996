// Child process entry: the one-origin router with routes from ROUTER_ROUTES (JSON) on PORT, for
// stacks that keep proxying off their own event loop (the benchmark's load generator).
import { Route, startRouter } from './router';

async function main(): Promise<void> {
  const routes = JSON.parse(process.env.ROUTER_ROUTES ?? '[]') as Route[];
  const router = await startRouter({
    routes,
    fallback: process.env.ROUTER_FALLBACK,
    port: Number(process.env.PORT ?? 0),
    host: process.env.ROUTER_HOST ?? '127.0.0.1',
  });
  console.log(`router listening on ${router.url}`);
  const stop = () => router.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
