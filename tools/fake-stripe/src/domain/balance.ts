import { newId } from '../lib/ids';
import type { BalanceTransaction, BalanceTransactionType } from '../state/objects';
import type { DomainContext } from './context';

const CATEGORY: Record<BalanceTransactionType, BalanceTransaction['reporting_category']> = {
  charge: 'charge',
  refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
};

/**
 * Records how a movement changed the platform balance and returns the `txn_` id the object
 * carries. The fake charges no processing fees (fee 0, net = amount) and makes funds available
 * at once, so a reconciliation can compare amounts exactly.
 */
export function recordBalanceTransaction(
  dc: DomainContext,
  type: BalanceTransactionType,
  amount: number,
  currency: string,
  source: string,
  description: string | null = null,
): string {
  const now = dc.clock.nowSeconds();
  const txn: BalanceTransaction = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: now,
    created: now,
    currency,
    description,
    exchange_rate: null,
    fee: 0,
    fee_details: [],
    net: amount,
    reporting_category: CATEGORY[type],
    source,
    status: 'available',
    type,
  };
  dc.store.balanceTransactions.set(txn.id, txn);
  return txn.id;
}
