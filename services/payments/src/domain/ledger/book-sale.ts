import { type OrderEventLine, proceedsOfLines } from '@bigtix/common';
import { Posting, book } from '../../models/ledger';
import { Proceeds, insertProceeds } from '../../models/proceeds';
import type { PaymentsDeps } from '../../deps';
import { proceedsKey, saleEntryKey, sellerPayableAccount } from '../../models/keys';

export interface PaidOrder {
  id: string;
  userId: string;
  tickets: OrderEventLine[];
  total: number;
  currency: string;
  paymentIntentId: string;
}

/** Lines stored before fees existed have no seller or fees: their seller is unknown, their fees 0. */
const sellerOf = (line: OrderEventLine) => line.sellerId ?? 'unknown';

/**
 * Books a paid order once (`sale:<orderId>`): the buyer's all-in charge lands in the Stripe
 * balance and is owed to the platform (both fees) and to each seller (price − seller fee), then
 * records each seller's proceeds (`<orderId>:<sellerId>`), which the payout worker transfers after
 * the event. Replays (duplicate order.paid, three replicas, a crash between the writes) write
 * nothing twice: every write is the insert of its key.
 */
export async function bookSale(deps: PaymentsDeps, order: PaidOrder): Promise<void> {
  const bySeller = new Map<string, OrderEventLine[]>();
  for (const line of order.tickets) bySeller.set(sellerOf(line), [...(bySeller.get(sellerOf(line)) ?? []), line]);

  const fees = order.tickets.reduce((s, l) => s + (l.buyerFee ?? 0) + (l.sellerFee ?? 0), 0);
  const postings: Posting[] = [{ account: 'stripe_balance', amount: order.total }];
  if (fees > 0) postings.push({ account: 'platform_fees', amount: -fees });
  let owedToSellers = 0;
  for (const [sellerId, lines] of bySeller) {
    const proceeds = proceedsOfLines(lines);
    owedToSellers += proceeds;
    postings.push({ account: sellerPayableAccount(sellerId), amount: -proceeds });
  }
  // The order's total came from the same lines (fees.ts); anything else is a contract bug, and the
  // difference is kept visible in the books rather than silently absorbed.
  const rest = order.total - fees - owedToSellers;
  if (rest !== 0) {
    deps.logger.error({ orderId: order.id, rest }, 'order total does not match its lines; booked to refunds_due');
    postings.push({ account: 'refunds_due', amount: -rest });
  }
  await book(deps.payouts.ledger, {
    _id: saleEntryKey(order.id),
    kind: 'sale',
    orderId: order.id,
    currency: order.currency,
    postings,
    stripeId: order.paymentIntentId,
    sellerId: null,
  });

  for (const [sellerId, lines] of bySeller) {
    const gross = lines.reduce((s, l) => s + l.price, 0);
    const fee = lines.reduce((s, l) => s + (l.sellerFee ?? 0), 0);
    const proceeds: Proceeds = {
      _id: proceedsKey(order.id, sellerId),
      orderId: order.id,
      sellerId,
      buyerId: order.userId,
      paymentIntentId: order.paymentIntentId,
      currency: order.currency,
      eventIds: [...new Set(lines.map((l) => l.eventId ?? ''))].filter(Boolean),
      tickets: lines.map((l) => ({
        ticketId: l.ticketId,
        title: l.title,
        eventId: l.eventId ?? '',
        price: l.price,
        sellerFee: l.sellerFee ?? 0,
      })),
      gross,
      fee,
      proceeds: proceedsOfLines(lines),
      soldAt: new Date(deps.now()),
    };
    await insertProceeds(deps.payouts.store, proceeds);
  }
}
