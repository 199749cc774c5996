/**
 * `kill -9` of each service in turn in the middle of a purchase: after it restarts, every order
 * is decided one way or the other (paid with its tickets sold to the buyer, or cancelled/expired
 * with its tickets available again), no ticket stays held, and no order keeps two charges.
 */
import Stripe from 'stripe';
import { Person, newPerson } from '../../src/api-client';
import { Listed, expectOrderSettled, hold, listTicket, pay, tryHold } from '../../src/faults/flows';
import { ProcessStack, startProcessStack } from '../../src/faults/process-stack';
import { waitFor } from '@bigtix/testkit';

jest.setTimeout(150_000);

let stack: ProcessStack;
let stripe: Stripe;

beforeAll(async () => {
  stack = await startProcessStack({
    label: 'kill9',
    env: {
      ORDER_HOLD_SECONDS: '15',
      ORDER_SWEEP_MS: '500',
      ORDER_ORPHAN_GRACE_SECONDS: '3',
      ORDER_REPAIR_AFTER_MS: '2000',
      PAYMENT_STALE_ATTEMPT_MS: '5000',
    },
  });
  stripe = new Stripe('sk_test_faults', stack.stripe.stripeClientOptions);
}, 180_000);
afterAll(() => stack?.stop());

/** Pays like a patient buyer: a request lost to a crash is tried again until it is answered. */
async function payUntilAnswered(buyer: Person, order: { id: string; total: number }) {
  return waitFor(
    async () => {
      const res = await pay(buyer, stripe, order).catch(() => null);
      if (!res || res.status === 502 || res.status === 503) return undefined;
      return res;
    },
    { what: `payment of ${order.id} to be answered`, timeoutMs: 60_000, intervalMs: 300 },
  );
}

/** A ticket nobody bought is holdable by a stranger: no hold of a dead order is left behind. */
async function expectHoldable(t: Listed) {
  const stranger = await newPerson(stack.url, 'stranger');
  const order = await hold(stranger, [t], 60_000);
  await stranger.call('DELETE', `/api/orders/${order.id}`);
}

describe.each(['auth', 'tickets', 'orders', 'payments'])('after kill -9 of %s', (service) => {
  it('settles every order (paid+sold or expired+available), leaves nothing held and never keeps two charges', async () => {
    const seller = await newPerson(stack.url, `seller-${service}`);
    const buyer = await newPerson(stack.url, `buyer-${service}`);
    const paid = await listTicket(seller, `${service}-paid`);
    const abandoned = await listTicket(seller, `${service}-abandoned`);
    const inFlight = await listTicket(seller, `${service}-inflight`);
    const toPay = await hold(buyer, [paid]);
    const toExpire = await hold(buyer, [abandoned]);

    // The crash lands while a payment and a hold are in flight.
    const payment = pay(buyer, stripe, toPay).catch(() => null);
    const lateHold = tryHold(buyer, [inFlight]).catch(() => null);
    await stack.kill(service);
    const [payAnswer, heldLate] = await Promise.all([payment, lateHold]);
    await stack.restart(service);

    const retried = !payAnswer || payAnswer.status >= 500 ? await payUntilAnswered(buyer, toPay) : null;
    const story = async () => {
      const intents = (await stripe.paymentIntents.list({ limit: 100 })).data.filter(
        (pi) => pi.metadata.orderId === toPay.id,
      );
      const refunds = await Promise.all(intents.map((pi) => stripe.refunds.list({ payment_intent: pi.id })));
      return JSON.stringify({
        payAnswer: payAnswer && { status: payAnswer.status, body: payAnswer.body },
        retried: retried && { status: retried.status, body: retried.body },
        heldLate: heldLate?.id ?? null,
        intents: intents.map((pi, i) => ({
          id: pi.id,
          status: pi.status,
          created: pi.created,
          refunds: refunds[i].data.map((r) => r.status),
        })),
        order: (await buyer.call('GET', `/api/orders/${toPay.id}`)).body,
      });
    };

    try {
      // Money Stripe took must end in a paid order (late payments complete while the ticket is
      // free); a payment the crash lost leaves the order to expire with nothing charged.
      const charged = [payAnswer, retried].some((r) => r && r.status < 300 && r.body.status === 'succeeded');
      const paidStatus = await expectOrderSettled(buyer, toPay.id, [paid], stripe);
      if (charged) expect(paidStatus).toBe('paid');
      expect(await expectOrderSettled(buyer, toExpire.id, [abandoned], stripe)).toBe('expired');
      if (heldLate) await expectOrderSettled(buyer, heldLate.id, [inFlight], stripe);
      await expectHoldable(abandoned);
      if (paidStatus !== 'paid') await expectHoldable(paid);
      await expectHoldable(inFlight);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${await story()}\n${stack.logs()}`);
    }
  });
});
