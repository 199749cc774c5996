import type { TicketInput } from '@bigtix/common';
import { runList } from '../../../src/commands/tickets/list';
import { NotSignedInError, PartialFailureError, UsageError } from '../../../src/lib/errors';
import { testDeps, ticket } from '../../support/deps';

const EVENT = 'vvG1OMw20GdtWRW4';
const eventRoute = {
  [`GET /api/events/${EVENT}`]: [
    200,
    {
      id: EVENT,
      name: 'Taylor Swift | The Eras Tour',
      date: '2026-07-15T22:30:00Z',
      venue: { name: 'MetLife Stadium', city: 'East Rutherford', state: 'NJ', country: 'US' },
      status: 'onsale',
    },
  ] as [number, unknown],
};

/** The tickets service's bulk answer: serials in `taken` are someone else's. */
const bulk = (taken: string[] = []) => ({
  'POST /api/tickets/create': (req: { body: unknown }): [number, unknown] => {
    const rows = (req.body as { tickets: TicketInput[] }).tickets;
    const results = rows.map((t, index) =>
      taken.includes(t.serialNumber)
        ? { index, status: 'failed', message: `serial number "${t.serialNumber}" is already listed` }
        : { index, status: 'created', ticket: ticket({ serialNumber: t.serialNumber }) },
    );
    const created = results.filter((r) => r.status === 'created').length;
    return [201, { created, alreadyListed: 0, failed: rows.length - created, results }];
  },
});

it('lists a CSV in batches and prints what was created', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { ...eventRoute, ...bulk() },
    files: { 'tickets.csv': 'serialNumber,price,title\nA1,125.00,Floor A\nA2,130.00,Floor A\nA3,99.50,Floor B\n' },
  });
  await runList({ event: EVENT, csv: 'tickets.csv', batchSize: '2' }, d);
  const sent = d.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { tickets: TicketInput[] }).tickets);
  expect(sent.map((b) => b.map((t) => [t.serialNumber, t.price]))).toEqual([
    [
      ['A1', 12_500],
      ['A2', 13_000],
    ],
    [['A3', 9_950]],
  ]);
  expect(sent.flat().every((t) => t.eventId === EVENT)).toBe(true);
  expect(d.stdout()).toBe('created: 3  already listed: 0  failed: 0\n');
  expect(d.stderr()).toContain('Done: 3 of 3 ticket(s) are listed for Taylor Swift | The Eras Tour.');
});

it('names every bad line and sends nothing', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { ...eventRoute, ...bulk() },
    files: { 'bad.csv': 'serialNumber,price\nA1,12.345\n,10.00\nA1,10.00\n' },
  });
  const err = await runList({ event: EVENT, csv: 'bad.csv' }, d).catch((e) => e);
  expect(err).toBeInstanceOf(UsageError);
  expect(err.message).toMatch(/problem\(s\) in bad\.csv; nothing was listed/);
  expect(err.details.length).toBeGreaterThanOrEqual(2);
  expect(d.requests).toEqual([]);
});

it('shows a dry run of generated tickets without sending any', async () => {
  const d = await testDeps({ routes: eventRoute });
  await runList({ event: EVENT, count: '3', price: '50', serialPrefix: 'ROW4-', dryRun: true, json: true }, d);
  const plan = JSON.parse(d.stdout());
  expect(plan).toMatchObject({ dryRun: true, count: 3, event: { id: EVENT } });
  expect(plan.tickets.map((t: TicketInput) => t.price)).toEqual([5_000, 5_000, 5_000]);
  // Only reads: the event, and the fee schedule for the proceeds it prints.
  expect(d.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  expect(d.requests.some((r) => r.path.startsWith('/api/tickets'))).toBe(false);
});

it('asks for confirmation on a terminal and lists nothing when the seller says no', async () => {
  const d = await testDeps({
    token: 'tok',
    interactive: true,
    routes: { ...eventRoute, ...bulk() },
    prompts: { confirm: async () => false },
  });
  const err = await runList({ event: EVENT, count: '2', price: '50', serialPrefix: 'X-' }, d).catch((e) => e);
  expect(err.exitCode).toBe(2);
  expect(d.requests.some((r) => r.method === 'POST')).toBe(false);
});

it('is a partial failure (exit 3) when some serials belong to someone else', async () => {
  const d = await testDeps({ token: 'tok', routes: { ...eventRoute, ...bulk(['X-0002']) } });
  const err = await runList({ event: EVENT, count: '3', price: '50', serialPrefix: 'X-', json: true }, d).catch(
    (e) => e,
  );
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(JSON.parse(d.stdout())).toMatchObject({ created: 2, failed: 1 });
});

it('needs a sign-in before anything else, and an event when not on a terminal', async () => {
  await expect(runList({ event: EVENT, count: '1', price: '5', serialPrefix: 'x' }, await testDeps())).rejects.toThrow(
    NotSignedInError,
  );
  const d = await testDeps({ token: 'tok' });
  await expect(runList({ count: '1', price: '5', serialPrefix: 'x' }, d)).rejects.toThrow(/--event is required/);
  await expect(runList({ event: EVENT }, d)).rejects.toThrow(/say what to list/);
});
