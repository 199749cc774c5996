// Child process entry: the framework's ceiling. A bare Koa 3 app with one route and nothing
// else (no body parsing, logging or auth), answering a small JSON body like the services do.
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  if (ctx.path === '/bench-hello' || ctx.path === '/bench-hello/') ctx.body = { hello: 'world' };
  else if (ctx.path === '/healthz') ctx.body = { ok: true };
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`hello-koa listening on ${JSON.stringify(server.address())}`);
});
server.keepAliveTimeout = 65_000;
process.once('SIGTERM', () => server.close(() => process.exit(0)));
