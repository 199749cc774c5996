/**
 * Seats together, end to end: a broker inventory file listed with the real `bigtix` binary, the
 * public listings API answering per quantity, a buyer holding adjacent seats through orders, and
 * `bigtix sync` making the seller's listings match an edited file. The whole back end from
 * e2e/src/stack.ts on ephemeral ports, the real dev database and broker.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@bigtix/testkit';
import { newPerson } from '@bigtix/e2e/src/api-client';
import { Stack, startStack } from '@bigtix/e2e/src/stack';
import { runCli, signedInSeller } from '../support/cli';

jest.setTimeout(240_000);

const EVENT = 'vv1AYZ6aBPIpARR'; // a fake Ticketmaster fixture no other CLI test lists for

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { LOGIN_RATE_LIMIT: '1000' } });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

const HEADER = 'EventId,Section,Row,SeatFrom,SeatThru,Quantity,Price,Splits,Serials,ExternalRef,Notes';
const line = (...cells: string[]) => cells.join(',');
const ga = Array.from({ length: 10 }, (_, i) => `G${i}`).join(';');

function inventory(tag: string, rows: { pairs?: string; all?: string; ga?: boolean }): string {
  const out = [
    HEADER,
    line(
      EVENT,
      '101',
      'F',
      '1',
      '4',
      '4',
      rows.pairs ?? '125.00',
      'pairs',
      `${tag}P1;${tag}P2;${tag}P3;${tag}P4`,
      `${tag}-pairs`,
      '"aisle, great view"',
    ),
    line(EVENT, '102', 'A', '7', '8', '2', rows.all ?? '80.00', 'all', `${tag}A1;${tag}A2`, `${tag}-all`, ''),
  ];
  if (rows.ga !== false)
    out.push(line(EVENT, 'GA', '', '', '', '10', '50.00', 'any', ga.replace(/G/g, `${tag}G`), `${tag}-ga`, ''));
  // What spreadsheets write: a BOM and CRLF line ends.
  return `\ufeff${out.join('\r\n')}\r\n`;
}

describe('seats together', () => {
  it('lists a broker file, offers each quantity exactly, holds adjacent seats, and syncs an edited file', async () => {
    const tag = `T${Date.now().toString(36).toUpperCase()}`;
    const seller = await signedInSeller(stack.url, 'broker');
    const file = path.join(seller.home, 'inventory.csv');
    await fs.writeFile(file, inventory(tag, {}));

    const listed = await runCli(['list', '--csv', file, '--yes', '--json'], seller.env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ created: 3, updated: 0, unchanged: 0 });

    const groups = async () => {
      const res = await runCli(['listings', '--groups', '--json'], seller.env);
      expect(res.code).toBe(0);
      return new Map(
        (JSON.parse(res.stdout) as { externalRef: string; id: string; ticketIds: string[]; available: number }[]).map(
          (l) => [l.externalRef.replace(`${tag}-`, ''), l],
        ),
      );
    };
    const mine = await groups();
    const sectionsFor = async (quantity: number) => {
      const res = await fetch(`${stack.url}/api/events/${EVENT}/listings?quantity=${quantity}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { sellerId: string; section: string }[] };
      return body.items.filter((l) => l.sellerId === seller.user.id).map((l) => l.section);
    };
    expect(await sectionsFor(1)).toEqual(['GA']);
    expect(await sectionsFor(2)).toEqual(['GA', '102', '101']); // cheapest first
    expect(await sectionsFor(3)).toEqual(['GA']);

    // Buying 2 from the pairs listing holds two adjacent seats and leaves 2 (once orders' replica has them).
    const pairs = mine.get('pairs')!;
    const buyer = await newPerson(stack.url, 'pair-buyer');
    const order = await waitFor(
      async () => {
        const res = await buyer.call('POST', '/api/orders', { listingId: pairs.id, quantity: 2 });
        if (res.status === 201) return res.body;
        if (res.status !== 404) throw new Error(`hold failed: ${res.status} ${JSON.stringify(res.body)}`);
        return undefined;
      },
      { what: 'the listing to reach orders' },
    );
    const positions = order.tickets
      .map((t: { ticketId: string }) => pairs.ticketIds.indexOf(t.ticketId))
      .sort((a: number, b: number) => a - b);
    expect(positions).toEqual([0, 1]);
    expect(order.total).toBe(2 * (12_500 + 1_250)); // all-in: price + 10 % buyer fee
    await waitFor(async () => ((await groups()).get('pairs')!.available === 2 ? true : undefined), {
      what: 'tickets to follow the hold',
    });
    const one = await buyer.call('POST', '/api/orders', { listingId: pairs.id, quantity: 1 });
    expect(one.status).toBe(409);
    expect(one.body.quantities).toEqual([2]);

    // The daily sync: GA sold elsewhere (removed from the file), the `all` pair re-priced.
    const edited = path.join(seller.home, 'inventory-2.csv');
    await fs.writeFile(edited, inventory(tag, { ga: false, all: '90.00' }));
    const dry = await runCli(['sync', '--csv', edited, '--dry-run', '--json'], seller.env);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 0, updated: 1, withdrawn: 1, unchanged: 1 });
    expect((await groups()).get('ga')!.available).toBe(10); // a dry run changes nothing
    const sync = await runCli(['sync', '--csv', edited, '--yes', '--json'], seller.env);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ created: 0, updated: 1, withdrawn: 1, unchanged: 1, failed: 0 });
    const after = await groups();
    expect(after.get('ga')).toMatchObject({ status: 'withdrawn', available: 0 });
    expect(after.get('all')).toMatchObject({ price: 9_000, status: 'active' });
    expect(after.get('pairs')).toMatchObject({ available: 2, status: 'active' });
    const again = await runCli(['sync', '--csv', edited, '--yes', '--json'], seller.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, withdrawn: 0, unchanged: 2, failed: 0 });
  });

  it('names the line and column of every bad cell and an unknown column, and sends nothing', async () => {
    const seller = await signedInSeller(stack.url, 'broker-bad');
    const file = path.join(seller.home, 'bad.csv');
    await fs.writeFile(
      file,
      `${HEADER}\n${line(EVENT, '101', 'F', '1', '3', '3', '12x', 'pairs', 'X1;X2;X3', 'bad', '')}\n`,
    );
    const res = await runCli(['list', '--csv', file, '--yes'], seller.env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/line 2, column 7 \(Price\)/);
    await fs.writeFile(file, `Section,Colour\n101,red\n`);
    expect((await runCli(['list', '--csv', file, '--yes'], seller.env)).stderr).toMatch(/unknown column\(s\): Colour/);
    const groups = await runCli(['listings', '--groups', '--json'], seller.env);
    expect(JSON.parse(groups.stdout)).toEqual([]);
  });
});
