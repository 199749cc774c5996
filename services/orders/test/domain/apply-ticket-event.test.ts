import type { TicketEventData } from '@bigtix/common';
import { applyTicketEvent } from '../../src/domain/apply-ticket-event';
import { Harness, fakeUser, ticketData } from '../support/harness';

jest.setTimeout(60_000);
let offsetMs = 0;
const h = new Harness('replicastall');
beforeAll(() => h.start({}, { now: () => Date.now() + offsetMs }));
afterAll(() => h.stop());

const version = (base: TicketEventData, v: number, changes: Partial<TicketEventData> = {}): TicketEventData => ({
  ...base,
  ...changes,
  version: v,
});

it('a writer that stalls after claiming a version never takes the replica back once newer versions are in', async () => {
  const seller = fakeUser();
  const v1 = ticketData(seller, { title: 'Seat 1', price: 1000 });
  await applyTicketEvent(h.deps, v1);
  let resume!: () => void;
  const stalled = new Promise<void>((r) => (resume = r));
  let claimed!: () => void;
  const hasClaimed = new Promise<void>((r) => (claimed = r));
  // Consumer A claims version 2 and stalls before writing it (a GC pause, a slow database).
  const a = applyTicketEvent(h.deps, version(v1, 2, { price: 1100 }), {
    beforeWrite: () => {
      claimed();
      return stalled;
    },
  });
  await hasClaimed;
  // Long enough later, consumer B rolls version 2 forward, and version 3 is applied after it.
  offsetMs += 5_000;
  await applyTicketEvent(h.deps, version(v1, 2, { price: 1100 }));
  expect((await h.deps.tickets.findOne({ _id: v1.id }))?.version).toBe(2);
  await applyTicketEvent(h.deps, version(v1, 3, { price: 1200 }));
  // A finally writes its version 2.
  resume();
  await a;
  expect(await h.deps.tickets.findOne({ _id: v1.id })).toMatchObject({ version: 3, price: 1200 });
});
