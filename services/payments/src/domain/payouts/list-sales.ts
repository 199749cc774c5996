import { PAYOUT_STATUSES, PayoutStatus, PayoutsSummaryDto, SaleDto, SalesQuery } from '@bigtix/common';
import { entriesOfOrder } from '../../models/ledger';
import { Proceeds, decisionOf, proceedsOfSeller } from '../../models/proceeds';
import { findSellerAccount } from '../../models/seller-account';
import type { PaymentsDeps } from '../../deps';
import { payableAt } from './payable-at';
import { reversalEntryKey, transferEntryKey } from '../../models/keys';

/** One sale as its seller sees it: status from the decision and the ledger, never stored twice. */
export async function saleOf(deps: PaymentsDeps, p: Proceeds, accountEnabled: boolean): Promise<SaleDto> {
  const entries = await entriesOfOrder(deps.payouts.ledger, p.orderId);
  const transfer = entries.find((e) => e._id === transferEntryKey(p));
  const reversal = entries.find((e) => e._id === reversalEntryKey(p));
  const decision = await decisionOf(deps.payouts.store, p._id);
  const due = await payableAt(deps, p);
  let status: PayoutStatus;
  if (reversal) status = 'reversed';
  else if (decision?.decision === 'refunded' || (!transfer && entries.some((e) => e.kind === 'refund')))
    status = 'refunded';
  else if (transfer) status = 'paid';
  else if (!accountEnabled) status = 'awaiting_account';
  else if (due === null || due > deps.now()) status = 'pending_event';
  else status = 'scheduled';
  return {
    orderId: p.orderId,
    soldAt: new Date(p.soldAt).toISOString(),
    eventIds: p.eventIds,
    tickets: p.tickets,
    gross: p.gross,
    fee: p.fee,
    proceeds: p.proceeds,
    currency: p.currency,
    status,
    payableAt: due === null ? null : new Date(due).toISOString(),
    transferId: transfer?.stripeId ?? null,
  };
}

async function allSales(deps: PaymentsDeps, sellerId: string): Promise<SaleDto[]> {
  const account = await findSellerAccount(deps.payouts.accounts, sellerId);
  const rows = await proceedsOfSeller(deps.payouts.store, sellerId);
  return Promise.all(rows.map((p) => saleOf(deps, p, !!account?.payoutsEnabled)));
}

/**
 * GET /api/payouts: the seller's sales, newest first, filtered by event and status. The cursor
 * is the offset into that list (a seller's sales are few enough to read whole).
 */
export async function listSales(
  deps: PaymentsDeps,
  sellerId: string,
  query: SalesQuery,
): Promise<{ items: SaleDto[]; nextCursor: string | null }> {
  const all = (await allSales(deps, sellerId)).filter(
    (s) => (!query.event || s.eventIds.includes(query.event)) && (!query.status || s.status === query.status),
  );
  const start = query.cursor && /^\d+$/.test(query.cursor) ? Number(query.cursor) : 0;
  const items = all.slice(start, start + query.limit);
  return { items, nextCursor: start + query.limit < all.length ? String(start + query.limit) : null };
}

export async function summarizeSales(deps: PaymentsDeps, sellerId: string): Promise<PayoutsSummaryDto> {
  const sales = await allSales(deps, sellerId);
  const byStatus = Object.fromEntries(PAYOUT_STATUSES.map((s) => [s, 0])) as Record<PayoutStatus, number>;
  for (const s of sales) byStatus[s.status] += s.proceeds;
  return {
    currency: 'usd',
    sales: sales.length,
    gross: sales.reduce((t, s) => t + s.gross, 0),
    fees: sales.reduce((t, s) => t + s.fee, 0),
    proceeds: sales.reduce((t, s) => t + s.proceeds, 0),
    byStatus,
    paid: byStatus.paid,
    upcoming: byStatus.pending_event + byStatus.awaiting_account + byStatus.scheduled,
  };
}
