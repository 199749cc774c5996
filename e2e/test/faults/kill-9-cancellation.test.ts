/**
 * `kill -9` of the tickets service (it syncs the event and withdraws its listings) or the payments
 * service (it asks Stripe for the refunds) in the middle of an event's cancellation: after the
 * restart the job finishes, once: every paid order refunded in full exactly once, the unpaid
 * order cancelled, every listing withdrawn. Only service processes are killed, never the broker
 * or the database.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { Person, newPerson } from '../../src/api-client';
import { Listed, hold, pay } from '../../src/faults/flows';
import { ProcessStack, startProcessStack } from '../../src/faults/process-stack';

jest.setTimeout(240_000);

let stack: ProcessStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startProcessStack({
    label: 'kill9cancel',
    env: { EVENT_SYNC_SECONDS: '1', EVENT_SYNC_MIN_SECONDS: '1', ORDER_HOLD_SECONDS: '600' },
  });
  stripe = new Stripe('sk_test_faults', stack.stripe.stripeClientOptions);
}, 180_000);
afterAll(() => stack?.stop());

let serial = 0;
async function list(seller: Person, eventId: string, price: number): Promise<Listed> {
  const serialNumber = `K9C-${Date.now().toString(36)}-${++serial}`;
  const res = await seller.call('POST', '/api/tickets/create', {
    title: `Cancel ${serial}`,
    price,
    description: 'fault test',
    serialNumber,
    eventId,
  });
  if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, price: res.body.price, serialNumber };
}

const intentOf = async (orderId: string) =>
  (await stripe.paymentIntents.list({ limit: 100 })).data.find(
    (pi) => pi.metadata.orderId === orderId && pi.status === 'succeeded',
  )!;
const refundsOf = async (intentId: string) =>
  (await stripe.refunds.list({ payment_intent: intentId, limit: 100 })).data;

const cases = [
  // When tickets dies: after the first listing came off sale, the rest and the orders still to do.
  { service: 'tickets', eventId: FIXTURE_IDS.acdcAndFriends },
  // When payments dies: after Stripe refunded the first order, the others still to ask for.
  { service: 'payments', eventId: FIXTURE_IDS.beyonceLosAngeles },
];

describe.each(cases)('kill -9 of $service mid-cancellation', ({ service, eventId }) => {
  it('finishes the job after the restart: every paid order refunded once, the rest cancelled and withdrawn', async () => {
    const seller = await newPerson(stack.url, `seller-${service}`);
    const paid: { buyer: Person; order: { id: string; total: number } }[] = [];
    for (let i = 0; i < 4; i++) {
      const buyer = await newPerson(stack.url, `buyer-${service}`);
      const order = await hold(buyer, [await list(seller, eventId, 5_000 + i)]);
      const res = await pay(buyer, stripe, order);
      expect(res.status).toBe(201);
      paid.push({ buyer, order });
    }
    for (const p of paid) {
      await waitFor(async () => (await p.buyer.call('GET', `/api/orders/${p.order.id}`)).body.status === 'paid', {
        what: 'paid',
      });
    }
    const holder = await newPerson(stack.url, `holder-${service}`);
    const unpaid = await hold(holder, [await list(seller, eventId, 4_000)]);
    const available: Listed[] = [];
    for (let i = 0; i < 8; i++) available.push(await list(seller, eventId, 3_000 + i));
    const intents = await Promise.all(paid.map((p) => intentOf(p.order.id)));

    const res = await fetch(`${stack.ticketmasterUrl}/__control/events/${eventId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(res.status).toBe(200);
    if (service === 'tickets') {
      await waitFor(
        async () =>
          (
            await Promise.all(
              available.map(async (t) => (await seller.call('GET', `/api/tickets/${t.id}`)).body.status),
            )
          ).includes('withdrawn'),
        { what: 'a first listing withdrawn', intervalMs: 20 },
      );
    } else {
      await waitFor(async () => (await Promise.all(intents.map((pi) => refundsOf(pi.id)))).some((r) => r.length > 0), {
        what: 'a first refund',
        intervalMs: 20,
      });
    }
    await stack.kill(service);
    await stack.restart(service);

    try {
      for (const [i, intent] of intents.entries()) {
        const refunds = await waitFor(
          async () => {
            const r = await refundsOf(intent.id);
            return r.length > 0 ? r : undefined;
          },
          { what: `refund of ${paid[i].order.id}`, timeoutMs: 60_000 },
        );
        expect(refunds.map((r) => r.amount)).toEqual([paid[i].order.total]);
        const shown = await waitFor(
          async () => (await paid[i].buyer.call('GET', `/api/orders/${paid[i].order.id}`)).body.refund,
          { what: 'refund on the order' },
        );
        expect(shown.amount).toBe(paid[i].order.total);
      }
      await waitFor(async () => (await holder.call('GET', `/api/orders/${unpaid.id}`)).body.status === 'cancelled', {
        what: 'unpaid order cancelled',
        timeoutMs: 60_000,
      });
      for (const t of available) {
        await waitFor(
          async () => (await seller.call('GET', `/api/tickets/${t.id}`)).body.withdrawnReason === 'event-cancelled',
          {
            what: `listing ${t.id} withdrawn`,
            timeoutMs: 60_000,
          },
        );
      }
      // The ledger shows each refund once (booked from Stripe's webhook).
      const ledger = (await stack.db('payments')).db!.collection('ledger_entries');
      for (const p of paid) {
        await waitFor(async () => (await ledger.countDocuments({ orderId: p.order.id, kind: 'refund' })) === 1, {
          what: `refund of ${p.order.id} booked`,
          timeoutMs: 60_000,
        });
      }
      // Still once, after everything was redelivered and every sync pass ran again.
      for (const intent of intents) expect(await refundsOf(intent.id)).toHaveLength(1);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${stack.logs()}`);
    }
  });
});
