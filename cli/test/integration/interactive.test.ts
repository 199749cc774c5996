/**
 * The CLI on a real pseudo-terminal (node-pty): `bigtix login` asks for email and password;
 * `bigtix list` with no --event asks for a keyword, lets the seller pick an event, asks for
 * confirmation, and lists.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as pty from 'node-pty';
import { waitFor } from '@bigtix/testkit';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import { BIN, cliEnv, csvOf, runCli, sellerTickets, signUp, signedInSeller, tempConfigHome } from '../support/cli';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets'], env: { LOGIN_RATE_LIMIT: '1000' } });
}, 60_000);

// Dropping the isolated databases (thousands of tickets on FerretDB) takes a while on a busy machine.
afterAll(async () => {
  await stack?.stop();
}, 120_000);

// Strips colours and cursor movement so assertions read the text a person sees.
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

function onTerminal(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const term = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-color',
    cols: 120,
    rows: 40,
    cwd,
    env: env as Record<string, string>,
  });
  let screen = '';
  term.onData((d) => (screen += d));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    term,
    text: () => plain(screen),
    seen: (text: string | RegExp) =>
      waitFor(() => (typeof text === 'string' ? plain(screen).includes(text) : text.test(plain(screen))), {
        timeoutMs: 15_000,
        what: `"${text}" on the terminal; screen: ${plain(screen).slice(-400)}`,
      }),
    exitCode: () =>
      waitFor(() => Promise.race([exited, new Promise<false>((r) => setTimeout(() => r(false), 100))]), {
        timeoutMs: 30_000,
        what: 'bigtix to exit',
      }),
  };
}

it('asks for email and password on a terminal, hides the password, and signs in', async () => {
  const email = `ptylogin-${Date.now()}@example.test`;
  const password = 'pty password 123';
  await signUp(stack.url, email, password);
  const home = await tempConfigHome();
  const env = cliEnv(home, stack.url);
  const t = onTerminal(['login'], env, home);
  try {
    await t.seen('Email');
    t.term.write(`${email}\r`);
    await t.seen('Password');
    t.term.write(`${password}\r`);
    expect(await t.exitCode()).toBe(0);
  } finally {
    t.term.kill();
  }
  expect(t.text()).toContain(`Signed in to ${stack.url} as ${email}`);
  expect(t.text()).not.toContain(password);
  expect(await runCli(['whoami'], env)).toMatchObject({ code: 0, stdout: `${email}\n` });
}, 60_000);

it('asks for a keyword, lets the seller pick the event, confirms and lists', async () => {
  const { home, env, user } = await signedInSeller(stack.url, 'pty');
  const serial = `P${Date.now().toString(36).toUpperCase()}-`;
  const csv = path.join(home, 'tickets.csv');
  await fs.writeFile(
    csv,
    csvOf([
      ['serialNumber', 'price'],
      [`${serial}1`, '40.00'],
      [`${serial}2`, '45.00'],
      [`${serial}3`, '50.00'],
    ]),
  );

  const term = pty.spawn(process.execPath, [BIN, 'list', '--csv', csv], {
    name: 'xterm-color',
    cols: 120,
    rows: 40,
    cwd: home,
    env: env as Record<string, string>,
  });
  let screen = '';
  term.onData((d) => (screen += d));
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  const seen = (text: string | RegExp) =>
    waitFor(() => (typeof text === 'string' ? plain(screen).includes(text) : text.test(plain(screen))), {
      timeoutMs: 15_000,
      what: `"${text}" on the terminal; screen: ${plain(screen).slice(-400)}`,
    });

  try {
    await seen('Search events');
    term.write('taylor swift\r');
    await seen('Which event?');
    await seen('Taylor Swift | The Eras Tour');
    term.write('\r'); // the first match
    await seen(/List 3 ticket\(s\) for Taylor Swift \| The Eras Tour\?/);
    term.write('y\r');
    const code = await waitFor(
      () => Promise.race([exited, new Promise<false>((r) => setTimeout(() => r(false), 100))]),
      { timeoutMs: 30_000, what: 'bigtix to exit' },
    );
    expect(code).toBe(0);
  } finally {
    term.kill();
  }

  const text = plain(screen);
  expect(text).toContain('created: 3  already listed: 0  failed: 0');
  const eventId = /\(([A-Za-z0-9_-]+)\)\r?\nListing:/.exec(text)?.[1];
  expect(eventId).toBeDefined();
  const listed = await sellerTickets(stack.url, user.id);
  expect(listed.map((t) => [t.eventId, t.price]).sort()).toEqual([
    [eventId, 4000],
    [eventId, 4500],
    [eventId, 5000],
  ]);
}, 60_000);
