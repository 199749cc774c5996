/** Marketplace steps over real HTTP for fault tests, each tolerant of a service that is briefly down. */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import Stripe from 'stripe';
import { Person } from '../api-client';

export interface Listed {
  id: string;
  price: number;
  serialNumber: string;
}

let serial = 0;

export async function listTicket(seller: Person, label: string, price = 10_000): Promise<Listed> {
  const serialNumber = `F-${label}-${Date.now().toString(36)}-${++serial}`;
  const res = await seller.call('POST', '/api/tickets/create', {
    title: `Fault ${label}`,
    price,
    description: 'fault test',
    serialNumber,
    eventId: FIXTURE_IDS.hamiltonNewYork,
  });
  if (res.status !== 201) throw new Error(`listing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, price: res.body.price, serialNumber };
}

/** One attempt to hold: the order on 201, null on 404/409 (not replicated yet, or taken). */
export async function tryHold(buyer: Person, tickets: Listed[]): Promise<{ id: string; total: number } | null> {
  const res = await buyer.call('POST', '/api/orders', {
    tickets: tickets.map((t) => ({ ticketId: t.id, price: t.price })),
  });
  if (res.status === 201) return res.body;
  if (res.status === 404 || res.status === 409 || res.status === 502) return null;
  throw new Error(`hold answered ${res.status} ${JSON.stringify(res.body)}`);
}

/** Holding succeeds once the listing has reached the orders service's replica. */
export function hold(buyer: Person, tickets: Listed[], timeoutMs = 30_000) {
  return waitFor(() => tryHold(buyer, tickets).then((o) => o ?? undefined), {
    what: `a hold on ${tickets.map((t) => t.id)}`,
    timeoutMs,
    intervalMs: 200,
  });
}

export async function confirmationToken(stripe: Stripe, card = 'pm_card_visa'): Promise<string> {
  return (await stripe.testHelpers.confirmationTokens.create({ payment_method: card })).id;
}

export async function pay(buyer: Person, stripe: Stripe, order: { id: string; total: number }, card = 'pm_card_visa') {
  return buyer.call('POST', '/api/payments/new', {
    orderId: order.id,
    amount: order.total,
    confirmationTokenId: await confirmationToken(stripe, card),
  });
}

export async function orderStatus(buyer: Person, orderId: string): Promise<string | undefined> {
  const res = await buyer.call('GET', `/api/orders/${orderId}`).catch(() => null);
  return res?.status === 200 ? res.body.status : undefined;
}

export async function ticket(
  person: Person,
  id: string,
): Promise<{ status: string; userId: string; version: number } | undefined> {
  const res = await person.call('GET', `/api/tickets/${id}`).catch(() => null);
  return res?.status === 200 ? res.body : undefined;
}

const FINAL = new Set(['paid', 'cancelled', 'expired']);

/**
 * The promise of the whole system for one order: it ends decided, its money agrees (paid: one
 * charge kept; otherwise none: a late success was refunded), and its tickets agree (paid: sold
 * to the buyer; cancelled/expired: available again). An order can read `expired` and still
 * become `paid` when money arrives late (ARCHITECTURE.md "Late payment"), so with `stripe` the
 * wait is for the money to agree too. Returns the final status.
 */
export async function expectOrderSettled(
  buyer: Person,
  orderId: string,
  tickets: Listed[],
  stripe?: Stripe,
  timeoutMs = 60_000,
): Promise<string> {
  const status = await waitFor(
    async () => {
      const s = await orderStatus(buyer, orderId);
      if (!s || !FINAL.has(s)) return undefined;
      if (stripe && (await keptCharges(stripe, orderId)) !== (s === 'paid' ? 1 : 0)) return undefined;
      return s;
    },
    { what: `order ${orderId} to be decided, with its money in agreement`, timeoutMs, intervalMs: 250 },
  );
  for (const t of tickets) {
    await waitFor(
      async () => {
        const view = await ticket(buyer, t.id);
        if (!view) return undefined;
        if (status === 'paid') return view.status === 'sold' && view.userId === buyer.id;
        return view.status === 'available';
      },
      { what: `ticket ${t.id} to agree with order ${orderId} (${status})`, timeoutMs, intervalMs: 250 },
    );
  }
  return status;
}

/** Charges Stripe kept for an order: succeeded and not refunded. */
export async function keptCharges(stripe: Stripe, orderId: string): Promise<number> {
  const intents = await stripe.paymentIntents.list({ limit: 100 });
  let kept = 0;
  for (const pi of intents.data.filter((p) => p.metadata.orderId === orderId && p.status === 'succeeded')) {
    const refunds = await stripe.refunds.list({ payment_intent: pi.id, limit: 10 });
    const refunded = refunds.data
      .filter((r) => r.status === 'succeeded' || r.status === 'pending')
      .reduce((n, r) => n + r.amount, 0);
    if (refunded < pi.amount) kept++;
  }
  return kept;
}
