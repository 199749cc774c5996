import { ConflictError } from '@bigtix/common';
import { createOrder } from '../../src/domain/create-order';
import type { Rival } from '../../src/domain/creations-in-flight';
import { Harness, fakeUser, waitFor } from '../support/harness';

jest.setTimeout(60_000);
const h = new Harness('ordrival');
const seller = fakeUser();

beforeAll(() => h.start());
afterAll(() => h.stop());
afterEach(() => jest.restoreAllMocks());

/** A gate the first buyer's creation stops at once it holds its tickets (before storing the order). */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { afterHolds: () => closed, open: () => open() };
}

/** Resolves once a `begin` here has answered with a rival, i.e. some buyer is waiting for another's creation. */
function rivalMet(): Promise<Rival> {
  const begin = jest.spyOn(h.deps.creations, 'begin');
  return waitFor(async () => begin.mock.results.map((r) => r.value as Rival | null).find((v) => v) ?? undefined, {
    what: 'a buyer waiting for the creation in flight',
  });
}

/** Calls of the reads and writes a buyer makes on the way to a hold (none expected from a refused rival). */
function holdPathCalls(): () => number {
  const spies = [
    jest.spyOn(h.deps.tickets, 'findOne'),
    jest.spyOn(h.deps.holdHeads, 'findOne'),
    jest.spyOn(h.deps.holds, 'insertOne'),
    jest.spyOn(h.deps.holds, 'findOne'),
    jest.spyOn(h.deps.holdSlots, 'find'),
    jest.spyOn(h.deps.holdSlots, 'insertOne'),
    jest.spyOn(h.deps.eventVersions, 'findOne'),
  ];
  return () => spies.reduce((n, s) => n + s.mock.calls.length, 0);
}

it('a buyer whose ticket a creation in this process is after is refused, once it is stored, without reading or writing anything', async () => {
  const ticket = await h.listTicket(seller, 4200);
  const first = gate();
  const winner = createOrder(h.deps, fakeUser(), { tickets: [{ ticketId: ticket.id, price: 4200 }] }, first);
  await waitFor(async () => ((await h.holderOf(ticket.id)) !== null ? true : undefined), { what: 'first hold' });

  const calls = holdPathCalls();
  const met = rivalMet();
  const loser = fakeUser();
  const refused = h.order(loser, [ticket]);
  expect((await met).ticketId).toBe(ticket.id);
  first.open();
  const won = await winner;

  const res = await refused;
  expect(res.status).toBe(409);
  expect(res.body.unavailable).toEqual([ticket.id]);
  expect(calls()).toBe(0);
  expect(await h.deps.holdSlots.countDocuments({ userId: loser.id })).toBe(0);
  expect(await h.deps.holds.countDocuments({ ticketId: ticket.id })).toBe(1);
  expect(await h.holderOf(ticket.id)).toBe(won._id);
});

it('when the creation it waited for gives up, the waiting buyer goes on and gets the ticket', async () => {
  const ticket = await h.listTicket(seller, 4300);
  let giveUp!: () => void;
  const decided = new Promise<void>((resolve) => (giveUp = resolve));
  const refusal = new ConflictError('the first buyer gives up after its holds');
  // verifyHeld's refusal makes the creation abandon its holds (release markers), then end as given up.
  const doomed = createOrder(
    h.deps,
    fakeUser(),
    { tickets: [{ ticketId: ticket.id, price: 4300 }] },
    { verifyHeld: () => decided.then(() => refusal) },
  );
  await waitFor(async () => ((await h.holderOf(ticket.id)) !== null ? true : undefined), { what: 'first hold' });

  const met = rivalMet();
  const buyer = fakeUser();
  const pending = h.order(buyer, [ticket]);
  await met;
  giveUp();
  await expect(doomed).rejects.toBe(refusal);

  const res = await pending;
  expect(res.status).toBe(201);
  expect(await h.holderOf(ticket.id)).toBe(res.body.id);
  expect(await h.deps.holdSlots.countDocuments({ userId: buyer.id })).toBe(1);
});

it('a waiting buyer who asked another price than the stored order paid gets the price answer, as without the wait', async () => {
  const ticket = await h.listTicket(seller, 4400);
  const first = gate();
  const winner = createOrder(h.deps, fakeUser(), { tickets: [{ ticketId: ticket.id, price: 4400 }] }, first);
  await waitFor(async () => ((await h.holderOf(ticket.id)) !== null ? true : undefined), { what: 'first hold' });

  const met = rivalMet();
  const pending = h.order(fakeUser(), [{ id: ticket.id, price: 4000 }]);
  await met;
  first.open();
  await winner;

  const res = await pending;
  expect(res.status).toBe(409);
  expect(res.body.priceChanged).toEqual([{ ticketId: ticket.id, price: 4400 }]);
});

it('the seller asking for their own ticket while a buyer holds it still gets 400', async () => {
  const ticket = await h.listTicket(seller, 4500);
  const first = gate();
  const winner = createOrder(h.deps, fakeUser(), { tickets: [{ ticketId: ticket.id, price: 4500 }] }, first);
  await waitFor(async () => ((await h.holderOf(ticket.id)) !== null ? true : undefined), { what: 'first hold' });

  const met = rivalMet();
  const pending = h.order(seller, [ticket]);
  await met;
  first.open();
  await winner;

  expect((await pending).status).toBe(400);
});
