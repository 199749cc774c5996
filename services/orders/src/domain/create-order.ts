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
import { releaseHolds, takeHolds } from './holds';
import type { HoldDoc } from '../models/hold';
import type { TicketReplicaDoc } from '../models/ticket-replica';
import { orderEventFor } from './order-events';
import { claimOutcome, settleOutcome } from './outcomes';

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
 */
export async function createOrder(
  deps: OrdersDeps,
  buyer: UserDto,
  input: CreateOrderInput,
  faults: CreateOrderFaults = {},
): Promise<OrderDoc> {
  const ids = input.tickets.map((t) => t.ticketId);
  const replicas = await findTickets(deps, ids);

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

  const orderId = new Types.ObjectId().toHexString();
  // Buyers of this process that meet our holds wait for this to end instead of polling.
  deps.creations.begin(orderId);
  let stored = false;
  try {
    const order = await holdAndStore(deps, orderId, buyer, input, replicas, faults);
    stored = true;
    return order;
  } finally {
    deps.creations.end(orderId, stored ? 'stored' : 'given-up');
  }
}

async function holdAndStore(
  deps: OrdersDeps,
  orderId: string,
  buyer: UserDto,
  input: CreateOrderInput,
  replicas: Map<string, TicketReplicaDoc>,
  faults: CreateOrderFaults,
): Promise<OrderDoc> {
  const ids = input.tickets.map((t) => t.ticketId);
  const now = deps.now();
  const expiresAt = new Date(now + deps.config.holdSeconds * 1000);
  const { taken, lost } = await takeHolds(deps, orderId, buyer.id, ids, expiresAt);
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
  deps.nudgeOutbox();
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
