import { BadRequestError, ConflictError, Envelope, UserDto } from '@bigtix/common';
import { makeEnvelope } from '@bigtix/middleware';
import { fakeUser } from '@bigtix/testkit';
import fc from 'fast-check';
import { Types } from 'mongoose';
import { cancelOrder } from '@bigtix/orders-service/src/domain/cancel-order';
import { createOrder } from '@bigtix/orders-service/src/domain/create-order';
import { findHolder } from '@bigtix/orders-service/src/domain/holds';
import { decideOutcome } from '@bigtix/orders-service/src/domain/outcomes';
import type { OrderDoc } from '@bigtix/orders-service/src/models/order';
import { ticketCreated } from '@bigtix/tickets-service/src/events/publishers/ticket-events';
import { updateTicket } from '@bigtix/tickets-service/src/domain/update-ticket';
import { withdrawTicket } from '@bigtix/tickets-service/src/domain/withdraw-ticket';
import type { TicketDoc } from '@bigtix/tickets-service/src/models/ticket';
import { QueueName, World } from '../../src/model/world';

/**
 * Model-based concurrency test of the purchase flow. A generated program of buyer, seller,
 * sweeper, Stripe and broker actions runs against the real tickets and orders use cases and
 * consumers on the real dev database; actions in one step run concurrently, and the gate picks
 * the order of their database operations from the generated choices, so every run is one
 * interleaving (a seed reproduces it; shrinking finds a minimal one). Messages are delivered when
 * and as often as the program says: duplicates and two consumers per queue are the normal case.
 * After the program, every message is delivered and the invariants of the README's guarantees
 * are checked; then every open order expires and they are checked again.
 *
 * Budget: MODEL_RUNS (default 30 in `make test`; `make test-model` runs thousands), optionally cut
 * by MODEL_SECONDS. A failure prints its seed and path: MODEL_SEED=<seed> reruns it, and
 * MODEL_SHRINK=1 shrinks it to a minimal program (MODEL_PATH=<path> replays only that program).
 */
const RUNS = Number(process.env.MODEL_RUNS ?? 30);
const SEED = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined;
/** A time budget for `make test-model`: stop starting runs after this long (0: none). */
const SECONDS = Number(process.env.MODEL_SECONDS ?? 0);
const TICKETS = 3;
const BUYERS = 3;
const PRICE = 5000;

type Action =
  | { t: 'order'; buyer: number; tickets: number[] }
  | { t: 'cancel'; order: number }
  | { t: 'expire'; order: number }
  | { t: 'pay'; order: number; attempt: number }
  | { t: 'withdraw'; ticket: number }
  | { t: 'reprice'; ticket: number; price: number }
  | { t: 'deliver'; queue: QueueName; pick: number; duplicate: boolean }
  | { t: 'deliverTwice'; queue: QueueName; pick: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('order' as const),
      buyer: fc.nat(BUYERS - 1),
      tickets: fc.uniqueArray(fc.nat(TICKETS - 1), { minLength: 1, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), order: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const), order: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pay' as const), order: fc.nat(5), attempt: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('withdraw' as const), ticket: fc.nat(TICKETS - 1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('reprice' as const),
      ticket: fc.nat(TICKETS - 1),
      price: fc.constantFrom(4000, 6000),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('deliver' as const),
      queue: fc.constantFrom<QueueName>('tickets', 'orders'),
      pick: fc.nat(20),
      duplicate: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('deliverTwice' as const),
      queue: fc.constantFrom<QueueName>('tickets', 'orders'),
      pick: fc.nat(20),
    }),
  },
);

/** Steps of 1–3 concurrent actions, and the choices that interleave their database operations. */
const program = fc.record({
  steps: fc.array(fc.array(action, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 12 }),
  choices: fc.array(fc.nat(1000), { minLength: 50, maxLength: 200 }),
});

interface ModelOrder {
  id: string;
  buyer: UserDto;
  total: number;
}

interface Run {
  world: World;
  seller: UserDto;
  buyers: UserDto[];
  ticketIds: string[];
  orders: ModelOrder[];
  /** Every PaymentIntent that Stripe reported as succeeded: money taken from a buyer. */
  charges: Map<string, { orderId: string; amount: number }>;
  /** Problems found while the program ran (a 5xx-worthy error, a seller edit let through). */
  problems: string[];
  /** Orders refused in the current step, with the tickets the refusal named. */
  refusals: { buyer: number; unavailable: string[]; priceChanged: number }[];
}

let world: World;

beforeAll(async () => {
  world = new World('model');
  await world.start();
});

afterAll(async () => {
  await world.stop();
});

async function listTickets(run: Run): Promise<void> {
  const now = new Date();
  const docs: TicketDoc[] = Array.from({ length: TICKETS }, (_, i) => ({
    _id: new Types.ObjectId().toHexString(),
    title: `Seat ${i + 1}`,
    price: PRICE,
    currency: 'usd',
    description: '',
    serialNumber: `SN-${new Types.ObjectId().toHexString()}`,
    eventId: 'G5vYZ9model',
    userId: run.seller.id,
    sellerId: run.seller.id,
    status: 'available',
    orderId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  await run.world.tickets.store.createMany(docs, ticketCreated);
  run.ticketIds = docs.map((d) => d._id);
}

/** The buyer owns one of these tickets now (bought it), as the orders service sees it. */
async function ownsOneOf(run: Run, ticketIds: string[], buyer: number): Promise<boolean> {
  const replicas = await Promise.all(ticketIds.map((id) => run.world.orders.tickets.findOne({ _id: id })));
  return replicas.some((r) => r?.userId === run.buyers[buyer].id);
}

async function perform(run: Run, a: Action): Promise<void> {
  const { world: w } = run;
  const order = (n: number) => (run.orders.length > 0 ? run.orders[n % run.orders.length] : null);
  switch (a.t) {
    case 'order': {
      const ids = a.tickets.map((i) => run.ticketIds[i]);
      // The buyer orders at the price the listing shows them now.
      const shown = await Promise.all(ids.map((id) => w.tickets.store.findById(id)));
      try {
        const created = await createOrder(w.orders, run.buyers[a.buyer], {
          tickets: ids.map((ticketId, i) => ({ ticketId, price: shown[i]!.price })),
        });
        run.orders.push({ id: created._id, buyer: run.buyers[a.buyer], total: created.total });
      } catch (err) {
        // A ticket this buyer has bought is now their own: ordering it again is a 400, rightly.
        if (err instanceof BadRequestError && (await ownsOneOf(run, ids, a.buyer))) return;
        if (!(err instanceof ConflictError)) throw err;
        const details = err.details as { unavailable: string[]; priceChanged: unknown[] };
        run.refusals.push({
          buyer: a.buyer,
          unavailable: details.unavailable,
          priceChanged: details.priceChanged.length,
        });
      }
      return;
    }
    case 'cancel': {
      const o = order(a.order);
      if (!o) return;
      await cancelOrder(w.orders, o.buyer, o.id).catch((err) => {
        if (!(err instanceof ConflictError)) throw err;
      });
      return;
    }
    case 'expire': {
      const o = order(a.order);
      if (o) await decideOutcome(w.orders, o.id, 'expired', { reason: 'hold expired' });
      return;
    }
    case 'pay': {
      const o = order(a.order);
      if (!o) return;
      // Stripe took the money; payments announces it (a webhook, then its outbox).
      const paymentIntentId = `pi_${o.id}_${a.attempt}`;
      run.charges.set(paymentIntentId, { orderId: o.id, amount: o.total });
      w.route(
        makeEnvelope('payment.succeeded', 0, 'payments', {
          id: `evt_${paymentIntentId}`,
          orderId: o.id,
          paymentIntentId,
          amount: o.total,
          currency: 'usd',
        }) as Envelope,
      );
      return;
    }
    case 'withdraw':
    case 'reprice': {
      const id = run.ticketIds[a.ticket];
      const before = await w.tickets.store.findById(id);
      try {
        if (a.t === 'withdraw') await withdrawTicket(w.tickets, run.seller.id, id);
        else await updateTicket(w.tickets, run.seller.id, { id, price: a.price });
        if (before && (before.status === 'held' || before.status === 'sold')) {
          const after = await w.tickets.store.findById(id);
          if (after && after.version > before.version && before.status === 'sold')
            run.problems.push(`seller changed sold ticket ${id}`);
        }
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
      return;
    }
    case 'deliver':
      await w.deliver(a.queue, a.pick, a.duplicate);
      return;
    case 'deliverTwice':
      await w.deliverTwice(a.queue, a.pick);
      return;
  }
}

/** Delivers everything until the system is quiet; true if it got there. */
async function drain(run: Run, choices: number[]): Promise<boolean> {
  const w = run.world;
  for (let round = 0; round < 200; round++) {
    await w.relay();
    const total = w.queues.tickets.length + w.queues.orders.length;
    if (total === 0) return true;
    if ([...w.queues.tickets, ...w.queues.orders].some((m) => m.retries > 60)) return false;
    const flows: (() => Promise<void>)[] = [];
    for (const q of ['tickets', 'orders'] as QueueName[])
      for (let k = 0; k < Math.min(2, w.queues[q].length); k++) {
        const pick = choices[(round * 4 + flows.length) % choices.length];
        flows.push(() => w.deliver(q, pick));
      }
    await w.interleave(choices.slice(round % choices.length), flows);
    // A message waiting for another one (a version gap) needs the other delivered first.
    if (flows.length === 0) await new Promise((r) => setImmediate(r));
  }
  return false;
}

async function orderDoc(run: Run, id: string): Promise<OrderDoc | null> {
  return run.world.orders.orders.findById(id);
}

async function activeOrPaid(run: Run): Promise<string[]> {
  const docs = await Promise.all(run.orders.map((o) => orderDoc(run, o.id)));
  return docs.filter((d) => d && d.status !== 'cancelled' && d.status !== 'expired').map((d) => d!._id);
}

/** The invariants of the README's guarantees, on a quiet system. Returns every violation. */
async function violations(run: Run, phase: string): Promise<string[]> {
  const w = run.world;
  const out: string[] = [];
  const orders = new Map<string, OrderDoc>();
  for (const o of run.orders) {
    const doc = await orderDoc(run, o.id);
    if (doc) orders.set(o.id, doc);
  }
  // 1. Every paid order's tickets are sold to its buyer at the price the buyer paid.
  for (const o of orders.values()) {
    if (o.status !== 'paid') continue;
    for (const line of o.tickets) {
      const t = await w.tickets.store.findById(line.ticketId);
      if (!t || t.status !== 'sold' || t.orderId !== o._id || t.userId !== o.userId)
        out.push(`paid order ${o._id}: ticket ${line.ticketId} is ${t?.status} (order ${t?.orderId})`);
      else if (t.price !== line.price)
        out.push(`paid order ${o._id}: ticket ${line.ticketId} sold at ${t.price}, paid ${line.price}`);
    }
  }
  // 3. Every successful PaymentIntent pays a paid order or is refunded, exactly once.
  for (const [pi, charge] of run.charges) {
    const o = orders.get(charge.orderId);
    const pays = o?.status === 'paid' && o.paymentIntentId === pi;
    const refunds = w.refundRequests.filter((e) => (e.data as { paymentIntentId: string }).paymentIntentId === pi);
    if (pays && refunds.length > 0) out.push(`${pi} both pays order ${charge.orderId} and is refunded`);
    if (!pays && refunds.length !== 1)
      out.push(`${pi} (order ${charge.orderId} ${o?.status}) refunded ${refunds.length} times`);
  }
  // 2. A ticket belongs to at most one active order, and both services agree on which.
  for (const id of run.ticketIds) {
    const holder = await findHolder(w.orders, id);
    const t = (await w.tickets.store.findById(id))!;
    const replica = await w.orders.tickets.findOne({ _id: id });
    const h = holder ? orders.get(holder) : undefined;
    const expected = !holder ? ['available', 'withdrawn'] : h?.status === 'paid' ? ['sold'] : ['held'];
    if (holder && !h) out.push(`ticket ${id} held by unknown order ${holder}`);
    else if (h && (h.status === 'cancelled' || h.status === 'expired'))
      out.push(`ticket ${id} still held in orders by ${h.status} order ${holder}`);
    else if (!expected.includes(t.status) || (holder && t.orderId !== holder))
      out.push(
        `ticket ${id}: orders says ${holder ? `${h?.status} order ${holder}` : 'free'}, tickets says ${t.status} (order ${t.orderId})`,
      );
    if (!replica || replica.version !== t.version)
      out.push(`ticket ${id}: orders' replica at v${replica?.version}, tickets at v${t.version}`);
  }
  return out.map((v) => `[${phase}] ${v}`);
}

async function runProgram(p: { steps: Action[][]; choices: number[] }): Promise<string[]> {
  const run: Run = {
    world,
    seller: fakeUser(),
    buyers: Array.from({ length: BUYERS }, () => fakeUser()),
    ticketIds: [],
    orders: [],
    charges: new Map(),
    problems: [],
    refusals: [],
  };
  world.queues.tickets.length = 0;
  world.queues.orders.length = 0;
  world.refundRequests.length = 0;
  world.failures.length = 0;
  await listTickets(run);
  if (!(await drain(run, p.choices))) return ['listing never reached orders'];

  for (const [i, step] of p.steps.entries()) {
    const activeBefore = await activeOrPaid(run);
    const storedBefore = run.orders.length;
    run.refusals = [];
    const results = await world.interleave(
      p.choices.slice(i),
      step.map((a) => () => perform(run, a)),
    );
    for (const r of results)
      if (r.status === 'rejected') run.problems.push(String((r.reason as Error).stack ?? r.reason));
    // Liveness: an order is refused only because an order that succeeded holds one of its
    // tickets (one open or paid when the step began or ended, or one stored during it), or because the
    // replica says a ticket is not for sale at that price.
    // (A late payment can complete an expired order during the step: it is a winner too.)
    const winners = [...activeBefore, ...run.orders.slice(storedBefore).map((o) => o.id), ...(await activeOrPaid(run))];
    const winnerTickets = new Set<string>();
    for (const id of winners) for (const t of (await orderDoc(run, id))?.tickets ?? []) winnerTickets.add(t.ticketId);
    for (const refusal of run.refusals) {
      if (refusal.priceChanged > 0) continue;
      const explained = await Promise.all(
        refusal.unavailable.map(async (id) => {
          if (winnerTickets.has(id)) return true;
          const replica = await world.orders.tickets.findOne({ _id: id });
          return (
            !replica ||
            replica.status === 'sold' ||
            replica.status === 'withdrawn' ||
            replica.withdrawRequested === true
          );
        }),
      );
      if (!explained.some(Boolean))
        run.problems.push(
          `buyer ${refusal.buyer} was refused for ${refusal.unavailable.join(', ')}, which no winner holds`,
        );
    }
    await world.relay();
  }
  const out = [...run.problems];
  if (!(await drain(run, p.choices))) out.push(`messages never stopped being retried: ${world.stuck().join('; ')}`);
  out.push(...(await violations(run, 'after delivery')));
  // Then every open order expires, as the sweeper would.
  await world.interleave(
    p.choices,
    run.orders.map(
      (o) => () => decideOutcome(world.orders, o.id, 'expired', { reason: 'hold expired' }).then(() => undefined),
    ),
  );
  if (!(await drain(run, p.choices)))
    out.push(`messages never stopped being retried after expiry: ${world.stuck().join('; ')}`);
  out.push(...(await violations(run, 'after expiry')));
  out.push(...world.failures.map((f) => `handler failed: ${f}`));
  return out;
}

it(
  'keeps every purchase-flow invariant under generated interleavings, duplicates and concurrent consumers',
  async () => {
    await fc.assert(
      fc.asyncProperty(program, async (p) => {
        const found = await runProgram(p);
        if (found.length > 0) throw new Error(found.slice(0, 8).join('\n'));
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        ...(process.env.MODEL_PATH ? { path: process.env.MODEL_PATH } : {}),
        endOnFailure: process.env.MODEL_SHRINK !== '1',
        verbose: 1,
        ...(SECONDS > 0 ? { interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false } : {}),
      },
    );
  },
  60 * 60_000,
);
