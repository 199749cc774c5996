import { runUpdate } from '../../../src/commands/tickets/update';
import { NotSignedInError, UsageError } from '../../../src/lib/errors';
import { testDeps, ticket } from '../../support/deps';

const ID = '665f1c2e9b1e8a0012345678';

it('sends the price in cents and prints the updated listing', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { 'PUT /api/tickets': [200, ticket({ price: 14_000, version: 2 })] },
  });
  await runUpdate({ ticketId: ID, price: '140.00' }, d);
  expect(d.requests[0]).toMatchObject({ method: 'PUT', auth: 'Bearer tok', body: { id: ID, price: 14_000 } });
  expect(d.stdout()).toBe(`${ID}  $140.00  Floor A, row 3\n`);
  expect(d.stderr()).toContain('Updated (version 2).');
});

it('takes whole cents with --cents and prints the ticket as JSON with --json', async () => {
  const d = await testDeps({ token: 'tok', routes: { 'PUT /api/tickets': [200, ticket({ price: 999 })] } });
  await runUpdate({ ticketId: ID, price: '999', cents: true, json: true }, d);
  expect(d.requests[0].body).toEqual({ id: ID, price: 999 });
  expect(JSON.parse(d.stdout())).toMatchObject({ id: ID, price: 999 });
});

it.each([
  [{ price: '12.345' }, /--price "12.345" is not a dollar amount/],
  [{ price: '12.5', cents: true }, /is not a whole number of cents/],
  [{}, /must change at least one of title, price, description/],
  [{ ticketId: 'short', title: 'x' }, /ticket id/],
])('refuses %j before sending anything', async (opts, message) => {
  const d = await testDeps({ token: 'tok' });
  await expect(runUpdate({ ticketId: ID, ...opts }, d)).rejects.toThrow(UsageError);
  await expect(runUpdate({ ticketId: ID, ...opts }, d)).rejects.toThrow(message);
  expect(d.requests).toEqual([]);
});

it('needs a sign-in', async () => {
  await expect(runUpdate({ ticketId: ID, title: 'x' }, await testDeps())).rejects.toThrow(NotSignedInError);
});

it('passes the server’s refusal on with its status', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: {
      'PUT /api/tickets': [409, { errors: [{ message: 'Ticket is held by an order and cannot be edited now' }] }],
    },
  });
  await expect(runUpdate({ ticketId: ID, title: 'x' }, d)).rejects.toThrow(/held by an order.*HTTP 409/);
});
