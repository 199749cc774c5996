import type Stripe from 'stripe';
import { proceedsKey } from '../../models/keys';
import type { LedgerCollection, LedgerEntry } from '../../models/ledger';

export interface Discrepancy {
  kind:
    | 'unbalanced_order'
    | 'missing_in_stripe'
    | 'amount_mismatch'
    | 'unbooked_transfer'
    | 'unbooked_refund'
    | 'unbooked_reversal'
    | 'transferred_twice';
  id: string;
  detail: string;
}

export interface ReconcileReport {
  entries: number;
  orders: number;
  checked: { charges: number; transfers: number; refunds: number; reversals: number; balanceTransactions: number };
  discrepancies: Discrepancy[];
}

const stripeBalance = (e: LedgerEntry) =>
  e.postings.filter((p) => p.account === 'stripe_balance').reduce((s, p) => s + p.amount, 0);

/**
 * Compares the ledger with Stripe, both ways:
 * - every order's entries sum to zero;
 * - every booked movement exists in Stripe for the same amount, and its balance transaction
 *   moved the platform balance by exactly what the ledger's `stripe_balance` says (charge +,
 *   refund −, transfer −, reversal +);
 * - every Transfer, Transfer Reversal and Refund Stripe has for our orders is booked, and no
 *   (order, seller) has two Transfers.
 * Read-only: it changes nothing on either side.
 */
export async function reconcile(ledger: LedgerCollection, stripe: Stripe): Promise<ReconcileReport> {
  const entries = (await ledger.find({}).toArray()) as unknown as LedgerEntry[];
  const discrepancies: Discrepancy[] = [];
  const checked = { charges: 0, transfers: 0, refunds: 0, reversals: 0, balanceTransactions: 0 };

  const byOrder = new Map<string, number>();
  for (const e of entries)
    byOrder.set(e.orderId, (byOrder.get(e.orderId) ?? 0) + e.postings.reduce((s, p) => s + p.amount, 0));
  for (const [orderId, sum] of byOrder)
    if (sum !== 0) discrepancies.push({ kind: 'unbalanced_order', id: orderId, detail: `entries sum to ${sum}` });

  const txnAmount = async (txn: string | Stripe.BalanceTransaction | null | undefined) => {
    if (!txn) return null;
    checked.balanceTransactions++;
    const t = typeof txn === 'string' ? await stripe.balanceTransactions.retrieve(txn) : txn;
    return t.amount;
  };
  const mismatch = (e: LedgerEntry, what: string, booked: number, actual: number | null) => {
    if (actual !== booked)
      discrepancies.push({ kind: 'amount_mismatch', id: e._id, detail: `${what}: ledger ${booked}, Stripe ${actual}` });
  };

  const bookedTransfers = new Set<string>();
  const bookedReversals = new Set<string>();
  const bookedRefunds = new Set<string>();
  const ourIntents = new Set<string>();
  for (const e of entries) {
    if (!e.stripeId) continue;
    try {
      if (e.kind === 'sale' || e.kind === 'rejected_charge') {
        ourIntents.add(e.stripeId);
        checked.charges++;
        const pi = await stripe.paymentIntents.retrieve(e.stripeId, { expand: ['latest_charge'] });
        const charge = pi.latest_charge as Stripe.Charge | null;
        mismatch(e, 'charge', stripeBalance(e), charge?.amount_captured ?? null);
        mismatch(e, 'charge balance transaction', stripeBalance(e), await txnAmount(charge?.balance_transaction));
      } else if (e.kind === 'transfer') {
        bookedTransfers.add(e.stripeId);
        checked.transfers++;
        const t = await stripe.transfers.retrieve(e.stripeId);
        mismatch(e, 'transfer', -stripeBalance(e), t.amount);
        mismatch(e, 'transfer balance transaction', stripeBalance(e), await txnAmount(t.balance_transaction));
      } else if (e.kind === 'reversal') {
        bookedReversals.add(e.stripeId);
        checked.reversals++;
        const transferId = entries.find(
          (x) => x.kind === 'transfer' && x.orderId === e.orderId && x.sellerId === e.sellerId,
        )?.stripeId;
        const r = transferId ? await stripe.transfers.retrieveReversal(transferId, e.stripeId) : null;
        mismatch(e, 'reversal', stripeBalance(e), r?.amount ?? null);
        mismatch(e, 'reversal balance transaction', stripeBalance(e), await txnAmount(r?.balance_transaction));
      } else if (e.kind === 'refund' || e.kind === 'partial_refund' || e.kind === 'returned_charge') {
        bookedRefunds.add(e.stripeId);
        checked.refunds++;
        const r = await stripe.refunds.retrieve(e.stripeId);
        mismatch(e, 'refund', -stripeBalance(e), r.amount);
        mismatch(e, 'refund balance transaction', stripeBalance(e), await txnAmount(r.balance_transaction));
      }
    } catch (err) {
      discrepancies.push({ kind: 'missing_in_stripe', id: e._id, detail: (err as Error).message });
    }
  }

  // Stripe's side: what it has for our orders must be booked, and once per (order, seller).
  const perPayout = new Map<string, string[]>();
  for await (const t of stripe.transfers.list({ limit: 100 })) {
    if (!t.transfer_group?.startsWith('order_')) continue;
    const key = proceedsKey(String(t.metadata?.orderId), String(t.metadata?.sellerId));
    perPayout.set(key, [...(perPayout.get(key) ?? []), t.id]);
    if (!bookedTransfers.has(t.id))
      discrepancies.push({ kind: 'unbooked_transfer', id: t.id, detail: `${t.amount} to ${String(t.destination)}` });
    for await (const r of stripe.transfers.listReversals(t.id, { limit: 100 }))
      if (!bookedReversals.has(r.id))
        discrepancies.push({ kind: 'unbooked_reversal', id: r.id, detail: `${r.amount} of ${t.id}` });
  }
  for (const [key, ids] of perPayout)
    if (ids.length > 1) discrepancies.push({ kind: 'transferred_twice', id: key, detail: ids.join(', ') });
  for await (const r of stripe.refunds.list({ limit: 100 })) {
    const pi = typeof r.payment_intent === 'string' ? r.payment_intent : r.payment_intent?.id;
    if (pi && ourIntents.has(pi) && !bookedRefunds.has(r.id))
      discrepancies.push({ kind: 'unbooked_refund', id: r.id, detail: `${r.amount} of ${pi}` });
  }

  return { entries: entries.length, orders: byOrder.size, checked, discrepancies };
}
