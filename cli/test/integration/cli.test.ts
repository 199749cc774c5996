/**
 * The real `bigtix` binary (node cli/bin/bigtix.js, compiled by jest globalSetup) run as a child
 * process against the whole back end from e2e/src/stack.ts (auth, tickets, fake Ticketmaster,
 * one-origin router) on ephemeral ports and the real dev database and broker.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from '@bigtix/testkit';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import { cliEnv, csvOf, runCli, sellerTickets, signedInSeller, tempConfigHome } from '../support/cli';

const ERAS_METLIFE = 'vvG1OMw20GdtWRW4';
const ERAS_METLIFE_2 = '1AvZn9qpK2rztUx';
const ERAS_TORONTO = 'Z698xZayKJTXf8cu';

let stack: Stack;

beforeAll(async () => {
  // The token endpoint allows 10 sign-ins a minute per IP; every test here signs in from 127.0.0.1.
  // payments answers the fee schedule (proceeds) and the payouts commands.
  stack = await startStack({ only: ['auth', 'tickets', 'payments'], env: { LOGIN_RATE_LIMIT: '1000' } });
}, 60_000);

// Dropping the isolated databases (thousands of tickets on FerretDB) takes a while on a busy machine.
afterAll(async () => {
  await stack?.stop();
}, 120_000);

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.toUpperCase();

async function writeCsv(home: string, name: string, text: string): Promise<string> {
  const file = path.join(home, name);
  await fs.writeFile(file, text);
  return file;
}

describe('bigtix against the running stack', () => {
  it('logs in with the password on stdin, saves the token with mode 0600, and says who you are', async () => {
    const { home, env, user } = await signedInSeller(stack.url, 'login');
    const file = path.join(home, 'bigtix', 'config.json');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(saved).toMatchObject({ apiUrl: stack.url, email: user.email, token: expect.any(String) });
    expect(JSON.stringify(saved)).not.toContain('correct horse');

    const who = await runCli(['whoami'], env);
    expect(who).toMatchObject({ code: 0, stdout: `${user.email}\n` });
    const whoJson = await runCli(['whoami', '--json'], env);
    expect(JSON.parse(whoJson.stdout)).toEqual({
      id: user.id,
      email: user.email,
      emailVerified: false,
      apiUrl: stack.url,
    });
  });

  it('refuses a wrong password with one clear line and saves nothing', async () => {
    const home = await tempConfigHome();
    const res = await runCli(['login', '--email', 'nobody@example.test'], cliEnv(home, stack.url), 'wrong-password\n');
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^bigtix: .*HTTP 401/);
    await expect(fs.stat(path.join(home, 'bigtix', 'config.json'))).rejects.toThrow();
  });

  it('exits 4 when signed out, for whoami and for list, and after logout', async () => {
    const home = await tempConfigHome();
    const env = cliEnv(home, stack.url);
    const who = await runCli(['whoami'], env);
    expect(who.code).toBe(4);
    expect(who.stderr).toMatch(/^bigtix: not signed in/);
    const csv = await writeCsv(
      home,
      't.csv',
      csvOf([
        ['serialNumber', 'price'],
        ['X1', '10.00'],
      ]),
    );
    expect((await runCli(['list', '--event', ERAS_METLIFE, '--csv', csv, '--yes'], env)).code).toBe(4);

    const seller = await signedInSeller(stack.url, 'logout');
    expect((await runCli(['whoami'], seller.env)).code).toBe(0);
    expect((await runCli(['logout'], seller.env)).code).toBe(0);
    expect((await runCli(['whoami'], seller.env)).code).toBe(4);
  });

  it('lists the CLI tokens of the account, revokes one, and logout revokes the saved token everywhere', async () => {
    const laptop = await signedInSeller(stack.url, 'tokens');
    const server = { env: cliEnv(await tempConfigHome(), stack.url) };
    const login = await runCli(['login', '--email', laptop.user.email], server.env, 'correct horse battery\n');
    expect(login.code).toBe(0);

    const listed = await runCli(['tokens', 'list', '--json'], laptop.env);
    expect(listed.code).toBe(0);
    const tokens = JSON.parse(listed.stdout) as { id: string; current: boolean }[];
    expect(tokens).toHaveLength(2);
    const serverToken = tokens.find((t) => !t.current)!;
    expect((await runCli(['tokens', 'list'], laptop.env)).stdout).toMatch(/\(this one\)/);

    expect((await runCli(['tokens', 'revoke', serverToken.id], laptop.env)).code).toBe(0);
    expect((await runCli(['whoami'], server.env)).code).toBe(4);
    expect((await runCli(['tokens', 'revoke', 'nope'], laptop.env)).code).toBe(2);

    // A copy of the laptop's token (say, in a CI secret) stops working once the laptop logs out.
    const config = JSON.parse(await fs.readFile(path.join(laptop.home, 'bigtix', 'config.json'), 'utf8'));
    const copy = { ...cliEnv(await tempConfigHome(), stack.url), BIGTIX_TOKEN: config.token };
    expect((await runCli(['whoami'], copy)).code).toBe(0);
    expect((await runCli(['logout'], laptop.env)).code).toBe(0);
    expect((await runCli(['whoami'], copy)).code).toBe(4);
  }, 180_000);

  it('searches events as a table and as JSON, and shows one event', async () => {
    const env = cliEnv(await tempConfigHome(), stack.url);
    const table = await runCli(['events', 'search', 'taylor swift'], env);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+DATE\s+NAME\s+VENUE/);
    expect(table.stdout).toContain(ERAS_METLIFE);
    expect(table.stdout).toContain('Taylor Swift | The Eras Tour');

    const json = await runCli(['events', 'search', 'taylor swift', '--json'], env);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.items.map((e: { id: string }) => e.id)).toContain(ERAS_METLIFE);

    const show = await runCli(['events', 'show', ERAS_METLIFE], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/name\s+Taylor Swift \| The Eras Tour/);
    const missing = await runCli(['events', 'show', 'NoSuchEvent123'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^bigtix: .*404/);
  });

  it('lists 2,500 tickets from a CSV, and running the same file again lists nothing twice', async () => {
    const { home, env, user } = await signedInSeller(stack.url, 'bulk');
    const prefix = `B${unique()}-`;
    const rows = [['serialNumber', 'price', 'title', 'description']];
    for (let i = 0; i < 2500; i++)
      rows.push([`${prefix}${i}`, `${100 + (i % 50)}.00`, i % 2 ? 'Floor GA' : '', i % 3 ? '' : '"Row 4, seat 9"']);
    const csv = await writeCsv(home, 'tickets.csv', csvOf(rows));

    const first = await runCli(['list', '--event', ERAS_METLIFE, '--csv', csv, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ total: 2500, failed: 0, event: { id: ERAS_METLIFE } });
    // Fresh serials are normally all "created"; the tickets service may report a row it inserted
    // but whose insert answer it could not trust as "already listed" (it is the caller's either way).
    expect(summary.created + summary.alreadyListed).toBe(2500);

    const listed = await sellerTickets(stack.url, user.id);
    expect(listed).toHaveLength(2500);
    const idOf = new Map<string, string>(
      summary.rows.map((r: { serialNumber: string; ticketId: string }) => [r.serialNumber, r.ticketId]),
    );
    const byId = new Map(listed.map((t) => [t.id, t]));
    expect(byId.get(idOf.get(`${prefix}0`)!)).toMatchObject({
      title: 'Taylor Swift | The Eras Tour',
      price: 10000,
      eventId: ERAS_METLIFE,
      status: 'available',
    });
    expect(byId.get(idOf.get(`${prefix}1`)!)).toMatchObject({ title: 'Floor GA', price: 10100 });

    const again = await runCli(['list', '--event', ERAS_METLIFE, '--csv', csv], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('created: 0  already listed: 2500  failed: 0');
    expect(await sellerTickets(stack.url, user.id)).toHaveLength(2500);
  }, 180_000);

  it('names every bad line of a CSV and lists nothing from it', async () => {
    const { home, env, user } = await signedInSeller(stack.url, 'badcsv');
    const p = `C${unique()}-`;
    const csv = await writeCsv(
      home,
      'bad.csv',
      csvOf([
        ['serialNumber', 'price'],
        [`${p}1`, '10.00'],
        [`${p}2`, 'ten'],
        ['', '5.00'],
        [`${p}4`, '0'],
        [`${p}1`, '12.00'],
      ]),
    );
    const res = await runCli(['list', '--event', ERAS_METLIFE_2, '--csv', csv, '--yes'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('bigtix: 4 problem(s) in');
    for (const line of [
      'line 3: price "ten"',
      'line 4: serialNumber is required',
      'line 5: price must be at least 1 cent',
      `line 6: serialNumber "${p}1" already appears on line 2`,
    ]) {
      expect(res.stderr).toContain(line);
    }
    expect(res.stdout).toBe('');
    expect(await sellerTickets(stack.url, user.id)).toHaveLength(0);
  });

  it('shows what --dry-run would list and writes nothing', async () => {
    const { env, user } = await signedInSeller(stack.url, 'dry');
    const res = await runCli(
      [
        'list',
        '--event',
        ERAS_METLIFE_2,
        '--count',
        '25',
        '--price',
        '75',
        '--serial-prefix',
        `D${unique()}-`,
        '--dry-run',
        '--json',
      ],
      env,
    );
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({
      dryRun: true,
      count: 25,
      event: { id: ERAS_METLIFE_2, name: 'Taylor Swift | The Eras Tour' },
    });
    // Proceeds: the price minus the 10 % seller fee, per ticket and in total.
    expect(out.tickets[0]).toMatchObject({
      price: 7500,
      proceeds: 6750,
      serialNumber: expect.stringMatching(/-0001$/),
      eventId: ERAS_METLIFE_2,
    });
    expect(out).toMatchObject({ fees: { buyerFeeBps: 1000, sellerFeeBps: 1000 }, proceeds: 25 * 6750 });
    expect(await sellerTickets(stack.url, user.id)).toHaveLength(0);

    const text = await runCli(
      [
        'list',
        '--event',
        ERAS_METLIFE_2,
        '--count',
        '2',
        '--price',
        '75',
        '--serial-prefix',
        `T${unique()}-`,
        '--dry-run',
      ],
      env,
    );
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('you receive $135.00 if all sell (after the 10 % seller fee, paid after the event)');
    expect(text.stdout.split('\n')[0]).toMatch(/^REF\s+SERIAL\s+PRICE\s+PROCEEDS\s+TITLE/);
    expect(text.stdout).toMatch(/\$75\.00\s+\$67\.50/);
  });

  it('sets up payouts through the onboarding link, then reports the account ready and no sales yet', async () => {
    const { env } = await signedInSeller(stack.url, 'payouts');
    const setup = await runCli(['payouts', 'setup', '--json'], env);
    expect(setup.code).toBe(0);
    const { url } = JSON.parse(setup.stdout);
    const before = JSON.parse((await runCli(['payouts', 'status', '--json'], env)).stdout);
    expect(before.account).toEqual({
      status: 'pending',
      payoutsEnabled: false,
      requirements: expect.any(Array),
      emailVerified: false,
    });
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
    const status = await waitFor(
      async () => {
        const now = JSON.parse((await runCli(['payouts', 'status', '--json'], env)).stdout);
        return now.account.status === 'enabled' ? now : undefined;
      },
      { what: 'account enabled' },
    );
    expect(status).toMatchObject({
      account: { status: 'enabled', payoutsEnabled: true },
      summary: { sales: 0, paid: 0 },
    });
    const human = await runCli(['payouts', 'status'], env);
    expect(human.stdout).toContain('Account:   ready: payouts enabled');
    expect(human.stdout).toContain('Email:     not verified: payouts wait until you click the link we emailed you');
    const sales = await runCli(['sales', '--json'], env);
    expect(sales).toMatchObject({ code: 0, stdout: '[]\n' });
    const bad = await runCli(['sales', '--status', 'someday'], env);
    expect(bad.code).toBe(2);
  });

  it('shows, updates and delists listings, and reports a partial failure with exit 3', async () => {
    const { env, user } = await signedInSeller(stack.url, 'manage');
    const listed = await runCli(
      [
        'list',
        '--event',
        ERAS_TORONTO,
        '--count',
        '3',
        '--price',
        '50.00',
        '--serial-prefix',
        `M${unique()}-`,
        '--yes',
        '--json',
      ],
      env,
    );
    expect(listed.code).toBe(0);
    const ids: string[] = JSON.parse(listed.stdout).rows.map((r: { ticketId: string }) => r.ticketId);
    expect(ids).toHaveLength(3);

    const listings = await runCli(['listings', '--event', ERAS_TORONTO, '--json'], env);
    expect(
      JSON.parse(listings.stdout)
        .map((t: { id: string }) => t.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(JSON.parse(listings.stdout).map((t: { proceeds: number }) => t.proceeds)).toEqual([4500, 4500, 4500]);

    const upd = await runCli(['update', ids[0], '--price', '65.50', '--title', 'Lower bowl', '--json'], env);
    expect(upd.code).toBe(0);
    expect(JSON.parse(upd.stdout)).toMatchObject({ id: ids[0], price: 6550, title: 'Lower bowl', version: 2 });

    const del = await runCli(['delist', ids[1]], env);
    expect(del).toMatchObject({ code: 0, stdout: `${ids[1]}  withdrawn\n` });
    const after = await sellerTickets(stack.url, user.id);
    expect(after.find((t) => t.id === ids[1])?.status).toBe('withdrawn');

    const avail = await runCli(['listings', '--status', 'available', '--json'], env);
    expect(
      JSON.parse(avail.stdout)
        .map((t: { id: string }) => t.id)
        .sort(),
    ).toEqual([ids[0], ids[2]].sort());

    // One succeeds, one is not a listing at all: exit 3 with the failure named.
    const unknown = '0123456789abcdef01234567';
    const partial = await runCli(['delist', ids[2], unknown], env);
    expect(partial.code).toBe(3);
    expect(partial.stdout).toBe(`${ids[2]}  withdrawn\n`);
    expect(partial.stderr).toMatch(
      new RegExp(`^bigtix: 1 of 2 ticket\\(s\\) could not be withdrawn\n  ${unknown}: .*404`),
    );
  }, 60_000);

  it('never prompts without a terminal: a missing --event is a usage error, not a hang', async () => {
    const { home, env } = await signedInSeller(stack.url, 'noprompt');
    const csv = await writeCsv(
      home,
      't.csv',
      csvOf([
        ['serialNumber', 'price'],
        ['N1', '10.00'],
      ]),
    );
    const res = await runCli(['list', '--csv', csv], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^bigtix: --event is required when not on a terminal/);
    expect((await runCli(['login'], cliEnv(home, stack.url))).code).toBe(2);
  });

  it('turns an unreachable API into one line and exit 1', async () => {
    // A port that was just free: nothing listens there.
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((r) => server.close(r));
    const env = cliEnv(await tempConfigHome(), `http://127.0.0.1:${port}`);
    const res = await runCli(['events', 'search', 'x'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`bigtix: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)\n`);
  });

  it('shows help with examples for the program and every command, and the version', async () => {
    const env = cliEnv(await tempConfigHome(), stack.url);
    for (const args of [
      [],
      ['login'],
      ['logout'],
      ['whoami'],
      ['tokens'],
      ['tokens', 'list'],
      ['tokens', 'revoke'],
      ['events'],
      ['events', 'search'],
      ['events', 'show'],
      ['list'],
      ['listings'],
      ['update'],
      ['delist'],
    ]) {
      const res = await runCli([...args, '--help'], env);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Usage: bigtix/);
      expect(res.stdout).toMatch(/Examples:\n {2}\$ bigtix /);
    }
    expect(await runCli(['--version'], env)).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect((await runCli(['list', '--nope'], env)).code).toBe(2);
  }, 180_000);
});
