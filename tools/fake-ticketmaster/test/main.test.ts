import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startProcess } from '@bigtix/dev-runner';

const repoRoot = path.resolve(__dirname, '../../..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const mainTs = path.resolve(__dirname, '../src/main.ts');
const runMain = (env: NodeJS.ProcessEnv) =>
  startProcess({ name: 'fake-ticketmaster', command: tsx, args: [mainTs], env, output: { kind: 'pipe' } }).child;

/** Resolves with the first stdout line matching `pattern`, or rejects at the deadline. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} within ${timeoutMs}ms: ${out}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}: ${out}`));
    });
  });
}

describe('CLI (src/main.ts)', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('listens where the env says, with the env key and rate limit, and logs its URL', async () => {
    child = runMain({
      ...process.env,
      FAKE_TICKETMASTER_PORT: '0',
      FAKE_TICKETMASTER_API_KEY: 'cli-key',
      FAKE_TICKETMASTER_RATE_LIMIT: '0',
    });
    const [, url] = await waitForLine(child, /listening on (http:\/\/\S+)/, 20000);

    const ok = await fetch(`${url}/discovery/v2/events.json?apikey=cli-key&size=1`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as any;
    // Served by the process itself so the offline dev stack shows images.
    expect(body._embedded.events[0].images[0].url.startsWith(`${url}/dam/`)).toBe(true);
    expect((await fetch(body._embedded.events[0].images[0].url)).headers.get('content-type')).toBe('image/png');
    const mapped = body._embedded.events[0].seatmap?.staticUrl as string;
    expect(mapped.startsWith(`${url}/maps/geometry/3/event/`)).toBe(true);
    const map = await fetch(mapped);
    expect(map.headers.get('content-type')).toBe('image/svg+xml');
    expect(await map.text()).toMatch(/^<svg /);

    expect((await fetch(`${url}/discovery/v2/events.json?apikey=fake-ticketmaster-key`)).status).toBe(401);
  });

  it('exits with a message for a malformed env value', async () => {
    child = runMain({ ...process.env, FAKE_TICKETMASTER_PORT: '0', FAKE_TICKETMASTER_RATE_LIMIT: 'lots' });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child!.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/FAKE_TICKETMASTER_RATE_LIMIT must be a non-negative integer/);
  });
});
