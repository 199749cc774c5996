/**
 * A demo marketplace for a first `make dev`: a few sellers with listings across upcoming events
 * at prices inside each event's face-value range, a demo buyer, and one past (paid) order.
 * Everything goes through the public HTTP APIs, as a person would (sign-up, bulk listing, an
 * order, a test-card payment), so the seed can never write a state the services would not.
 * Idempotent: accounts that exist are signed into, listings already there are reported
 * `already_listed`, and the paid order is made only if the buyer has none.
 */
import { waitFor } from '@bigtix/testkit';
import { ApiSession } from './api-session';

export const DEMO_BUYER = { email: 'buyer@demo.bigtix.test', password: 'demo-buyer-pass' } as const;
const SELLER_PASSWORD = 'demo-seller-pass';
const SELLERS = [
  { email: 'ava@demo.bigtix.test', sections: ['Floor A', 'Floor B'], share: 0.25 },
  { email: 'ben@demo.bigtix.test', sections: ['Section 112', 'Section 118'], share: 0.45 },
  { email: 'chloe@demo.bigtix.test', sections: ['Mezzanine 204', 'Upper 318'], share: 0.7 },
];
const EVENTS = 8;
/** Face value when Ticketmaster has no price range for an event: $45 to $240. */
const DEFAULT_RANGE = { min: 4_500, max: 24_000 };

interface EventSummary {
  id: string;
  name: string;
  date: string | null;
  status: string;
  priceRange?: { min: number; max: number };
}
interface Ticket {
  id: string;
  price: number;
  status: string;
  eventId: string;
}
interface Order {
  id: string;
  status: string;
  total: number;
}

export interface SeedResult {
  sellers: number;
  events: number;
  created: number;
  alreadyListed: number;
  /** The buyer's paid order: made now, or found from an earlier run. */
  paidOrderId: string;
  paidOrderWasThere: boolean;
}

/** A price inside the range, rounded to whole $5 as resellers price, never below $10. */
export function demoPrice(range: { min: number; max: number }, share: number, step: number): number {
  const raw = range.min + (range.max - range.min) * Math.min(0.95, share + step * 0.07);
  return Math.max(1_000, Math.round(raw / 500) * 500);
}

async function upcomingEvents(api: ApiSession): Promise<EventSummary[]> {
  const res = await api.call<{ items: EventSummary[] }>('GET', '/api/events/search?size=40');
  if (res.status !== 200) throw new Error(`event search failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.filter((e) => e.status === 'onsale' && e.date).slice(0, EVENTS);
}

function listingsFor(sellerIndex: number, events: EventSummary[]) {
  const seller = SELLERS[sellerIndex];
  const local = seller.email.split('@')[0].toUpperCase();
  // Each seller covers about two events in three, so events differ in how much is on offer.
  return events.flatMap((event, e) => {
    if ((e + sellerIndex) % 3 === 2) return [];
    const range = event.priceRange ?? DEFAULT_RANGE;
    const count = 2 + ((e + sellerIndex) % 3);
    return Array.from({ length: count }, (_, n) => {
      const section = seller.sections[n % seller.sections.length];
      const row = String.fromCharCode(65 + ((e * 3 + n) % 20));
      return {
        title: `${section}, Row ${row}, Seat ${n + 1}`,
        price: demoPrice(range, seller.share, n),
        description: `${event.name}. Mobile transfer as soon as the order is paid.`,
        serialNumber: `DEMO-${local}-${event.id}-${n + 1}`,
        eventId: event.id,
      };
    });
  });
}

/** Holding succeeds once the ticket has reached the orders service's replica. */
async function holdOne(buyer: ApiSession, candidates: Ticket[]): Promise<Order> {
  return waitFor(
    async () => {
      for (const t of candidates) {
        const res = await buyer.call<Order>('POST', '/api/orders', { tickets: [{ ticketId: t.id, price: t.price }] });
        if (res.status === 201) return res.body;
        if (res.status !== 404 && res.status !== 409)
          throw new Error(`hold failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return undefined;
    },
    { what: 'a demo ticket to be holdable', timeoutMs: 60_000, intervalMs: 250 },
  );
}

async function buyOnce(buyer: ApiSession, candidates: Ticket[]): Promise<Order> {
  const order = await holdOne(buyer, candidates);
  // The test-card route exists with Stripe test keys and the fake Stripe, never in production.
  const token = await buyer.call<{ id: string }>('POST', '/api/payments/test/confirmation-tokens', {
    paymentMethod: 'pm_card_visa',
  });
  if (token.status !== 201)
    throw new Error(`no test confirmation token: ${token.status} ${JSON.stringify(token.body)}`);
  await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/payments/new', {
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: token.body.id,
      });
      if (res.status === 200 || res.status === 201) return true;
      if (res.status !== 404) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined; // payments has not seen the order yet
    },
    { what: 'payments to take the demo order', timeoutMs: 30_000, intervalMs: 250 },
  );
  return waitFor(
    async () => {
      const res = await buyer.call<Order>('GET', `/api/orders/${order.id}`);
      return res.body.status === 'paid' ? res.body : undefined;
    },
    { what: 'the demo order to be paid', timeoutMs: 60_000, intervalMs: 250 },
  );
}

export async function seedDemoMarketplace(baseUrl: string): Promise<SeedResult> {
  const sellers = await Promise.all(SELLERS.map((s) => new ApiSession(baseUrl, s.email, SELLER_PASSWORD).enter()));
  const events = await upcomingEvents(sellers[0]);
  if (events.length === 0) throw new Error('no upcoming events on sale to list tickets for');

  let created = 0;
  let alreadyListed = 0;
  const listed: Ticket[][] = [];
  for (const [i, seller] of sellers.entries()) {
    const res = await seller.call<{
      created: number;
      alreadyListed: number;
      failed: number;
      results: { status: string; ticket?: Ticket; message?: string }[];
    }>('POST', '/api/tickets/create', { tickets: listingsFor(i, events) });
    if (res.status !== 201)
      throw new Error(`listing for ${seller.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const failed = res.body.results.filter((r) => r.status === 'failed');
    if (failed.length > 0) throw new Error(`listing for ${seller.email}: ${failed[0].message}`);
    created += res.body.created;
    alreadyListed += res.body.alreadyListed;
    listed.push(res.body.results.map((r) => r.ticket!));
  }

  const buyer = await new ApiSession(baseUrl, DEMO_BUYER.email, DEMO_BUYER.password).enter();
  const orders = await buyer.call<{ items: Order[] }>('GET', '/api/orders');
  const paid = orders.body.items.find((o) => o.status === 'paid');
  const order =
    paid ??
    (await buyOnce(
      buyer,
      listed[0].filter((t) => t.status === 'available'),
    ));
  return {
    sellers: sellers.length,
    events: events.length,
    created,
    alreadyListed,
    paidOrderId: order.id,
    paidOrderWasThere: Boolean(paid),
  };
}
