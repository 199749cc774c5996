import { runListings } from '../../../src/commands/tickets/listings';
import { NotSignedInError, UsageError } from '../../../src/lib/errors';
import { ME, testDeps, ticket } from '../../support/deps';

const signedIn = { 'GET /api/users/currentuser': [200, { currentUser: ME }] as [number, unknown] };

it('walks every page of the caller’s listings and filters by event', async () => {
  const pages: Record<string, unknown> = {
    '': { items: [ticket({ id: 'a'.repeat(24) }), ticket({ id: 'b'.repeat(24), eventId: 'OTHER' })], nextCursor: 'c1' },
    c1: { items: [ticket({ id: 'c'.repeat(24), status: 'sold', serialNumber: undefined })], nextCursor: null },
  };
  const d = await testDeps({
    token: 'tok',
    routes: {
      ...signedIn,
      [`GET /api/tickets/user/${ME.id}`]: (req) => [
        200,
        pages[new URL(req.path, 'http://x').searchParams.get('cursor') ?? ''],
      ],
    },
  });
  await runListings({ event: 'vvG1OMw20GdtWRW4', json: true }, d);
  expect(JSON.parse(d.stdout()).map((t: { id: string }) => t.id)).toEqual(['a'.repeat(24), 'c'.repeat(24)]);
  expect(d.requests.map((r) => r.path)).toEqual([
    '/api/users/currentuser',
    `/api/tickets/user/${ME.id}?limit=200`,
    `/api/tickets/user/${ME.id}?limit=200&cursor=c1`,
    '/api/payouts/fees',
  ]);
});

it('asks the API for one status and prints a table', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { ...signedIn, [`GET /api/tickets/user/${ME.id}`]: [200, { items: [ticket()], nextCursor: null }] },
  });
  await runListings({ status: 'available' }, d);
  expect(d.requests[1].path).toBe(`/api/tickets/user/${ME.id}?limit=200&status=available`);
  expect(d.stdout()).toMatch(
    /^ID\s+STATUS\s+PRICE\s+PROCEEDS\s+EVENT\s+SERIAL\s+TITLE\n665f1c2e9b1e8a0012345678\s+available\s+\$125\.00\s+\$112\.50\s+vvG1OMw20GdtWRW4\s+SEC1-ROW3-1\s+Floor A, row 3\n$/,
  );
  expect(d.stderr()).toContain('1 listing(s)');
});

it('says so when nothing matches', async () => {
  const d = await testDeps({
    token: 'tok',
    routes: { ...signedIn, [`GET /api/tickets/user/${ME.id}`]: [200, { items: [], nextCursor: null }] },
  });
  await runListings({}, d);
  expect(d.stdout()).toBe('');
  expect(d.stderr()).toBe('No listings match.\n');
});

it('refuses an unknown status without calling the API, and needs a sign-in', async () => {
  const d = await testDeps({ token: 'tok' });
  await expect(runListings({ status: 'lost' }, d)).rejects.toThrow(UsageError);
  expect(d.requests).toEqual([]);
  await expect(runListings({}, await testDeps())).rejects.toThrow(NotSignedInError);
});
