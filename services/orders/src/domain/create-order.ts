import {
  BadRequestError,
  CURRENCY,
  ConflictError,
  CreateOrderInput,
  NotFoundError,
  UserDto,
  lineFees,
  orderTotals,
} from '@bigtix/common';
import { Types } from 'mongoose';
import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';
import { assertEventsOpen } from './assert-events-open';
import { findTickets } from './find-tickets';
import { HeadsRead, readHeads, releaseHolds, takeHolds } from './holds';
import type { HoldDoc } from '../models/hold';
import type { TicketReplicaDoc } from '../models/ticket-replica';
import { orderEventFor } from '../events/publishers/order-events';
import { claimOutcome, settleOutcome } from './outcomes';
import type { Ending } from './creations-in-flight';

/** Test seams: lets a test crash the use case between two of its steps. */
export interface CreateOrderFaults {
  afterHolds?: () => void | Promise<void>;
  /**
   * Not a fault: a last check once every hold is taken (a listing order checks the split rule
   * against the holds as they are now, see create-listing-order.ts); an error abandons the holds.
   */
  verifyHeld?: (orderId: string) => Promise<ConflictError | null>;
}

/**
 * Holds every requested ticket for a new order, all or nothing. The holds (one unique insert per
 * ticket generation, taken in one global order: see takeHolds) are the decision; the replica only
 * filters out tickets that cannot be sold at all (sold, withdrawn) and prices that changed. The order and its `order.created` event are one
 * claimed version (VersionedStore.createMany), so they cannot be separated by a crash; a crash
 * before that leaves holds without an order, which the sweeper releases after a grace period.
 * In a rush a loser costs no database work at all when the winner's creation runs in this process
 * (see enterCreation); otherwise it learns from the holds.
 */
export async function createOrder(
  deps: OrdersDeps,
  buyer: UserDto,
  input: CreateOrderInput,
  faults: CreateOrderFaults = {},
  /** The caller's own refusals (the route's hold limit), run once no rival here is ahead of us. */
  checkBuyer?: () => Promise<void>,
): Promise<OrderDoc> {
  const ids = input.tickets.map((t) => t.ticketId);
  const orderId = new Types.ObjectId().toHexString();
  // Buyers of this process after the same tickets wait for this to end instead of reading.
  await enterCreation(deps, orderId, buyer, input);
  let ending: Ending = { how: 'given-up', order: null };
  try {
    // Started together; a refusal of the limit comes first, as before (allSettled: neither is left unhandled).
    const limit = checkBuyer?.();
    const found = findTickets(deps, ids);
    // The holds' hints too: a winner then meets the database one round trip fewer times in a row.
    const heads = readHeads(deps, ids);
    await Promise.allSettled([limit, found]);
    await limit;
    const replicas = await found;
    const order = await checkAndStore(deps, orderId, buyer, input, replicas, faults, heads);
    ending = { how: 'stored', order };
    return order;
  } finally {
    deps.creations.end(orderId, ending);
  }
}

/**
 * The cheap refusal, before reading or writing anything: when another creation in this process is
 * after one of our tickets, wait for it to end. Stored, it holds that ticket, so this order would
 * meet its hold, wait for the same end and be refused: refuse it now. Given up, or still running
 * after ORDER_HOLD_WAIT_MS, go on (the holds decide). Goes on too when the rival's line says this
 * buyer is owed another answer (their own ticket: 400; another price: 409 with the price).
 */
async function enterCreation(deps: OrdersDeps, orderId: string, buyer: UserDto, input: CreateOrderInput) {
  const ids = input.tickets.map((t) => t.ticketId);
  const deadline = Date.now() + deps.config.holdWaitMs;
  for (;;) {
    const rival = deps.creations.begin(orderId, ids, { force: Date.now() >= deadline });
    if (!rival) return;
    const ending = await endOrDeadline(rival.ended, deadline);
    if (ending?.how !== 'stored') continue;
    const line = ending.order.tickets.find((t) => t.ticketId === rival.ticketId);
    const asked = input.tickets.find((t) => t.ticketId === rival.ticketId);
    if (line && line.sellerId !== buyer.id && line.price === asked?.price) throw conflict([rival.ticketId], []);
    deps.creations.begin(orderId, ids, { force: true });
    return;
  }
}

async function endOrDeadline(ended: Promise<Ending>, deadline: number): Promise<Ending | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))),
  );
  try {
    return await Promise.race([ended, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Everything after the cheap refusal: the replica's answers, then the holds and the order. */
async function checkAndStore(
  deps: OrdersDeps,
  orderId: string,
  buyer: UserDto,
  input: CreateOrderInput,
  replicas: Map<string, TicketReplicaDoc>,
  faults: CreateOrderFaults,
  heads: HeadsRead,
): Promise<OrderDoc> {
  const ids = input.tickets.map((t) => t.ticketId);
  const unknown = ids.filter((id) => !replicas.has(id));
  if (unknown.length > 0) {
    const err = new NotFoundError(`Unknown ticket(s): ${unknown.join(', ')}`);
    err.details = { unknown };
    throw err;
  }
  const own = input.tickets.filter((t) => replicas.get(t.ticketId)!.userId === buyer.id);
  if (own.length > 0) {
    throw new BadRequestError(
      'You cannot buy your own tickets',
      own.map((t) => ({
        message: `ticket ${t.ticketId} is your own listing`,
        field: `tickets.${input.tickets.indexOf(t)}.ticketId`,
      })),
    );
  }
  // Before the listing checks: a ticket of a cancelled or started event is refused for that reason.
  await assertEventsOpen(
    deps,
    [...replicas.values()].map((r) => r.eventId),
  );
  const first = problems(input, replicas);
  if (first) throw first;
  return holdAndStore(deps, orderId, buyer, input, replicas, faults, heads);
}

async function holdAndStore(
  deps: OrdersDeps,
  orderId: string,
  buyer: UserDto,
  input: CreateOrderInput,
  replicas: Map<string, TicketReplicaDoc>,
  faults: CreateOrderFaults,
  heads: HeadsRead,
): Promise<OrderDoc> {
  const ids = input.tickets.map((t) => t.ticketId);
  const now = deps.now();
  const expiresAt = new Date(now + deps.config.holdSeconds * 1000);
  const { taken, lost } = await takeHolds(deps, orderId, buyer.id, ids, expiresAt, 'order', heads);
  if (lost) {
    await abandon(deps, orderId, taken);
    throw conflict([lost], []);
  }
  // The seller may have withdrawn or re-priced a ticket while we took the holds: the replica
  // learns of it a moment later. Looking again after the holds shrinks "a withdrawal crossed a
  // hold" to the replica's lag; within that lag the hold wins (docs/ARCHITECTURE.md).
  const late = problems(input, await findTickets(deps, ids));
  if (late) {
    await abandon(deps, orderId, taken);
    throw late;
  }
  const refused = await faults.verifyHeld?.(orderId);
  if (refused) {
    await abandon(deps, orderId, taken);
    throw refused;
  }
  await faults.afterHolds?.();

  // Fees are fixed on the order when it is made: a later change of BUYER_FEE_BPS/SELLER_FEE_BPS
  // never changes what this buyer pays or this seller is paid.
  const tickets = input.tickets.map((t) => {
    const { buyerFee, sellerFee } = lineFees(t.price, deps.config.fees);
    const replica = replicas.get(t.ticketId)!;
    return {
      ticketId: t.ticketId,
      title: replica.title,
      price: t.price,
      sellerId: replica.userId,
      eventId: replica.eventId,
      buyerFee,
      sellerFee,
    };
  });
  const order: OrderDoc = {
    _id: orderId,
    userId: buyer.id,
    status: 'created',
    rank: 0,
    expiresAt,
    tickets,
    ...orderTotals(tickets),
    currency: CURRENCY,
    version: 1,
    createdAt: new Date(now),
    paymentIntentId: null,
  };
  await deps.orders.createMany([order], (o) => [orderEventFor(o)]);
  return order;
}

/** Why these tickets cannot be ordered at these prices, from the replica, or null. */
function problems(input: CreateOrderInput, replicas: Map<string, TicketReplicaDoc>): ConflictError | null {
  const ids = input.tickets.map((t) => t.ticketId);
  const unavailable = ids.filter((id) => !isForSale(replicas.get(id)));
  const priceChanged = input.tickets
    .filter((t) => !unavailable.includes(t.ticketId) && replicas.get(t.ticketId)!.price !== t.price)
    .map((t) => ({ ticketId: t.ticketId, price: replicas.get(t.ticketId)!.price }));
  return unavailable.length > 0 || priceChanged.length > 0 ? conflict(unavailable, priceChanged) : null;
}

/** Sold and withdrawn tickets can never be held; nor can one its seller withdrew while an order held it. */
const isForSale = (r: TicketReplicaDoc | undefined): boolean =>
  r !== undefined && r.status !== 'sold' && r.status !== 'withdrawn' && r.withdrawRequested !== true;

function conflict(unavailable: string[], priceChanged: { ticketId: string; price: number }[]): ConflictError {
  const parts = [
    unavailable.length > 0 ? `not available: ${unavailable.join(', ')}` : '',
    priceChanged.length > 0
      ? `price changed: ${priceChanged.map((p) => `${p.ticketId} now ${p.price}`).join(', ')}`
      : '',
  ].filter(Boolean);
  return new ConflictError(`Some tickets cannot be ordered (${parts.join('; ')})`, { unavailable, priceChanged });
}

/**
 * Gives back the holds of an order that will never exist. The outcome claim records that it
 * will not (so a slow creation that the orphan sweeper gave up on can never store it later).
 */
async function abandon(deps: OrdersDeps, orderId: string, taken: HoldDoc[]): Promise<void> {
  if (taken.length === 0) return;
  const { doc } = await claimOutcome(deps, orderId, orderId, 'abandoned', {
    reason: 'not every ticket could be held',
  });
  await releaseHolds(deps, taken);
  await settleOutcome(deps, doc);
}
