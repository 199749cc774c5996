import { runDelist } from '../../../src/commands/tickets/delist';
import { NotSignedInError, PartialFailureError, UsageError } from '../../../src/lib/errors';
import { testDeps, ticket } from '../../support/deps';

const A = '665f1c2e9b1e8a00123456aa';
const B = '665f1c2e9b1e8a00123456bb';

it('withdraws each ticket once, with the saved token, and prints one line per ticket', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { [`DELETE /api/tickets/${A}`]: [200, ticket({ id: A, status: 'withdrawn' })] },
  });
  await runDelist({ ticketIds: [A, A] }, d);
  expect(d.requests).toEqual([{ method: 'DELETE', path: `/api/tickets/${A}`, auth: 'Bearer tok', body: undefined }]);
  expect(d.stdout()).toBe(`${A}  withdrawn\n`);
});

it('refuses ids that are not ticket ids before sending anything (usage error)', async () => {
  const d = await testDeps({ token: 'tok' });
  await expect(runDelist({ ticketIds: [A, 'nope'] }, d)).rejects.toThrow(UsageError);
  await expect(runDelist({ ticketIds: ['nope'] }, d)).rejects.toThrow('not ticket id(s): nope');
  expect(d.requests).toEqual([]);
});

it('needs a sign-in', async () => {
  const d = await testDeps();
  await expect(runDelist({ ticketIds: [A] }, d)).rejects.toThrow(NotSignedInError);
});

it('reports a held ticket per ticket and exits as a partial failure when others were withdrawn', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: {
      [`DELETE /api/tickets/${A}`]: [200, ticket({ id: A, status: 'withdrawn' })],
      [`DELETE /api/tickets/${B}`]: [
        409,
        { errors: [{ message: 'Ticket is held by an order and cannot be delisted now' }] },
      ],
    },
  });
  const err = await runDelist({ ticketIds: [A, B], json: true }, d).catch((e) => e);
  expect(err).toBeInstanceOf(PartialFailureError);
  expect(err.exitCode).toBe(3);
  expect(JSON.parse(d.stdout())).toEqual([
    { id: A, status: 'withdrawn' },
    { id: B, status: 'failed', message: expect.stringMatching(/held by an order.*HTTP 409/) },
  ]);
});

it('fails with the server’s message when the only ticket cannot be withdrawn', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { [`DELETE /api/tickets/${A}`]: [409, { errors: [{ message: 'Ticket is sold and cannot be delisted' }] }] },
  });
  const err = await runDelist({ ticketIds: [A] }, d).catch((e) => e);
  expect(err.exitCode).toBe(1);
  expect(err.message).toMatch(/^665f1c2e9b1e8a00123456aa: Ticket is sold/);
});
