import { readFileSync } from 'node:fs';
import http from 'node:http';
import { freePort, namedStack, stackEnv, startProcess, waitReady } from '../src';

describe('stackEnv', () => {
  it('gives each service its own database and the stack its own exchange, queues and Redis keys', () => {
    const names = namedStack('shape1', 'mongodb://db:27017');
    const env = stackEnv({
      base: { PATH: '/bin', JEST_WORKER_ID: '1' },
      service: 'orders',
      port: 5003,
      names,
      jwtSecret: 's',
      stripeUrl: 'http://127.0.0.1:9',
      smtpUrl: 'smtp://127.0.0.1:2125',
      publicUrl: 'http://localhost:4100',
      serviceUrls: { auth: 'http://127.0.0.1:5001' },
      extra: { LOG_LEVEL: 'warn', PATH: undefined },
    });
    expect(env).toEqual({
      PORT: '5003',
      MONGO_URL: 'mongodb://db:27017/shape1-orders',
      BIGTIX_EXCHANGE: 'bigtix.shape1',
      BIGTIX_QUEUE_PREFIX: 'shape1.',
      REDIS_KEY_PREFIX: 'bigtix:shape1:',
      JWT_SECRET: 's',
      STRIPE_API_BASE: 'http://127.0.0.1:9',
      SMTP_URL: 'smtp://127.0.0.1:2125',
      PUBLIC_URL: 'http://localhost:4100',
      AUTH_URL: 'http://127.0.0.1:5001',
      LOG_LEVEL: 'warn',
    });
  });

  it('leaves the dev defaults alone when the stack has no names', () => {
    const env = stackEnv({ base: {}, service: 'auth', port: 4001 });
    expect(env).toEqual({ PORT: '4001' });
  });
});

describe('the supervisor', () => {
  it('keeps the last lines of a process and reports how it exited', async () => {
    const p = startProcess({
      name: 'echo',
      args: ['-e', 'for (let i = 0; i < 5; i++) console.log("line " + i); process.exit(3)'],
      env: { PATH: process.env.PATH },
      output: { kind: 'memory', keep: 2 },
    });
    expect(await p.exit).toBe(3);
    expect(p.exited()).toBe(true);
    expect(p.recentOutput()).toBe('line 3\nline 4');
  });

  it('fails a readiness wait at once, with its output, when the process dies during start', async () => {
    const p = startProcess({
      name: 'crasher',
      args: ['-e', 'console.error("no database"); process.exit(1)'],
      env: { PATH: process.env.PATH },
      output: { kind: 'memory' },
    });
    const started = Date.now();
    await expect(waitReady(p, `http://127.0.0.1:${await freePort()}/readyz`, { timeoutMs: 20_000 })).rejects.toThrow(
      /crasher exited \(1\) during start:\nno database/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('waits until a server answers, and stops a process with SIGTERM', async () => {
    const port = await freePort();
    const p = startProcess({
      name: 'server',
      args: [
        '-e',
        `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1');
         process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });`,
      ],
      env: { PATH: process.env.PATH },
      output: { kind: 'memory' },
    });
    await waitReady(p, `http://127.0.0.1:${port}/`, { timeoutMs: 20_000 });
    await p.stop();
    expect(p.recentOutput()).toBe('bye');
  });

  it('picks a port nothing listens on', async () => {
    const port = await freePort();
    await new Promise<void>((resolve, reject) => {
      const s = http.createServer().listen(port, '127.0.0.1', () => s.close(() => resolve()));
      s.once('error', reject);
    });
  });

  it('picks ports below the kernel’s ephemeral range (where listen(0) and outgoing connections take theirs), never one twice', async () => {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    const ports = await Promise.all(Array.from({ length: 200 }, () => freePort()));
    expect(ports.filter((p) => p >= low)).toEqual([]);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
