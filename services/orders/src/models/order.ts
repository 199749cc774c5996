import { ACTIVE_ORDER_STATUSES, Currency, OrderDto, OrderLine, OrderStatus } from '@bigtix/common';
import { getModelForClass, index, modelOptions, prop } from '@typegoose/typegoose';
import type { Connection } from 'mongoose';

/**
 * The order as stored. Written only through VersionedStore (raw driver), so every change is a
 * claimed version with its event; this class exists for the schema and its indexes.
 * `rank` is 0 while the order holds tickets and 1 once it is settled: "active first" is a sort key.
 */
@index({ userId: 1, rank: 1, createdAt: -1, _id: -1 })
@index({ rank: 1, expiresAt: 1 })
@modelOptions({ schemaOptions: { collection: 'orders', versionKey: false } })
export class Order {
  @prop({ required: true, type: String })
  public _id!: string;

  @prop({ required: true, type: String })
  public userId!: string;

  @prop({ required: true, type: String })
  public status!: string;

  @prop({ required: true, type: Number })
  public rank!: number;

  @prop({ required: true, type: Date })
  public expiresAt!: Date;

  @prop({ required: true, type: Number })
  public total!: number;

  @prop({ required: true, type: String })
  public currency!: string;

  @prop({ required: true, type: Number })
  public version!: number;

  @prop({ required: true, type: Date })
  public createdAt!: Date;
}

export function orderModel(connection: Connection) {
  return getModelForClass(Order, { existingConnection: connection });
}

export interface OrderDoc {
  _id: string;
  userId: string;
  status: OrderStatus;
  rank: 0 | 1;
  expiresAt: Date;
  tickets: OrderLine[];
  /** Sum of listing prices; absent on orders stored before fees existed (then equal to total). */
  subtotal?: number;
  /** Sum of buyer fees; absent (0) on orders stored before fees existed. */
  buyerFee?: number;
  /** The all-in amount: subtotal + buyerFee. */
  total: number;
  currency: Currency;
  version: number;
  createdAt: Date;
  /** The PaymentIntent that paid (or is paying) the order. */
  paymentIntentId?: string | null;
  /** PaymentIntents that failed for this order: a redelivered `payment.created` of one must not revive it. */
  failedPaymentIntentIds?: string[];
}

export const isActive = (status: OrderStatus): boolean => ACTIVE_ORDER_STATUSES.includes(status);
export const rankOf = (status: OrderStatus): 0 | 1 => (isActive(status) ? 0 : 1);

/**
 * Where an order may go next; every status change goes through `advanceOrder`, which asks this.
 * An order is born `created`. It flips between `created` and `awaiting:payment` while attempts
 * are made and fail, until one outcome settles it. Settled statuses are final, except that an
 * expired order becomes paid when a late payment is accepted (its tickets still free). So a
 * replayed or out-of-order payment event, a cancel racing an expiry, change nothing.
 */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['awaiting:payment', 'paid', 'cancelled', 'expired'],
  'awaiting:payment': ['created', 'paid', 'cancelled', 'expired'],
  expired: ['paid'],
  paid: [],
  cancelled: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function toOrderDto(order: OrderDoc): OrderDto {
  return {
    id: order._id,
    userId: order.userId,
    status: order.status,
    expiresAt: new Date(order.expiresAt).toISOString(),
    // The seller and the seller's fee are the seller's business, not the buyer's.
    tickets: order.tickets.map((t) => ({
      ticketId: t.ticketId,
      title: t.title,
      price: t.price,
      buyerFee: t.buyerFee ?? 0,
      allInPrice: t.price + (t.buyerFee ?? 0),
      eventId: t.eventId ?? '',
    })),
    subtotal: order.subtotal ?? order.total,
    buyerFee: order.buyerFee ?? 0,
    total: order.total,
    currency: order.currency,
    version: order.version,
    createdAt: new Date(order.createdAt).toISOString(),
  };
}
