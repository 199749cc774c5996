import type { FormObject } from '../lib/form-parser';
import { newId } from '../lib/ids';
import {
  applyMetadata,
  assertKnownParams,
  optionalInteger,
  optionalString,
  requiredInteger,
  requiredString,
} from '../lib/params';
import { invalidRequest, resourceMissing } from '../lib/stripe-error';
import type { Transfer, TransferReversal } from '../state/objects';
import { recordBalanceTransaction } from './balance';
import { recordEvent, type DomainContext } from './context';
import { parseCurrency } from './create-payment-intent';

const TRANSFER_PARAMS = [
  'amount',
  'currency',
  'description',
  'destination',
  'expand',
  'metadata',
  'source_transaction',
  'source_type',
  'transfer_group',
] as const;

/**
 * `POST /v1/transfers`: moves money from the platform balance to a connected account. With
 * `source_transaction` the transfer is funded by that charge and may not exceed what is left of it
 * (Stripe's rule: the charge amount minus what was refunded and already transferred from it).
 */
export function createTransfer(dc: DomainContext, params: FormObject): Transfer {
  assertKnownParams(params, TRANSFER_PARAMS);
  const amount = requiredInteger(params, 'amount');
  const currency = parseCurrency(params);
  const destination = requiredString(params, 'destination');
  if (amount <= 0)
    throw invalidRequest('Invalid positive integer', { code: 'parameter_invalid_integer', param: 'amount' });
  const account = dc.store.accounts.get(destination);
  if (!account) {
    throw invalidRequest(`No such destination: '${destination}'`, { code: 'resource_missing', param: 'destination' });
  }
  if (!account.payouts_enabled || account.capabilities.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param: 'destination' },
    );
  }
  const sourceTransaction = optionalString(params, 'source_transaction') ?? null;
  if (sourceTransaction) {
    const charge = dc.store.charges.get(sourceTransaction);
    if (!charge) throw resourceMissing('charge', sourceTransaction, 'source_transaction');
    const transferred = [...dc.store.transfers.values()]
      .filter((t) => t.source_transaction === sourceTransaction)
      .reduce((s, t) => s + t.amount - t.amount_reversed, 0);
    const available = charge.amount_captured - charge.amount_refunded - transferred;
    if (amount > available) {
      throw invalidRequest(
        `The transfer amount (${amount}) exceeds the available amount on the source transaction (${available}).`,
        { code: 'transfer_source_balance_parameters_mismatch', param: 'amount' },
      );
    }
  }
  const id = newId('tr');
  const transfer: Transfer = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: recordBalanceTransaction(dc, 'transfer', -amount, currency, id),
    created: dc.clock.nowSeconds(),
    currency,
    description: optionalString(params, 'description') ?? null,
    destination,
    destination_payment: newId('py'),
    livemode: false,
    metadata: applyMetadata(params, {}),
    reversals: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: sourceTransaction,
    source_type: 'card',
    transfer_group: optionalString(params, 'transfer_group') ?? null,
  };
  dc.store.transfers.set(id, transfer);
  recordEvent(dc, 'transfer.created', transfer);
  return transfer;
}

export function findTransfer(dc: DomainContext, id: string): Transfer {
  const transfer = dc.store.transfers.get(id);
  if (!transfer) throw resourceMissing('transfer', id, 'id');
  return transfer;
}

/** `POST /v1/transfers/:id/reversals`: takes (part of) a transfer back into the platform balance. */
export function createReversal(dc: DomainContext, transferId: string, params: FormObject): TransferReversal {
  assertKnownParams(params, ['amount', 'description', 'expand', 'metadata', 'refund_application_fee']);
  const transfer = findTransfer(dc, transferId);
  const left = transfer.amount - transfer.amount_reversed;
  const amount = optionalInteger(params, 'amount') ?? left;
  if (left <= 0) {
    throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, {
      code: 'transfer_already_reversed',
    });
  }
  if (amount <= 0 || amount > left) {
    throw invalidRequest(`Reversal amount (${amount}) must be between 1 and the unreversed amount (${left}).`, {
      param: 'amount',
    });
  }
  const id = newId('trr');
  const reversal: TransferReversal = {
    id,
    object: 'transfer_reversal',
    amount,
    balance_transaction: recordBalanceTransaction(dc, 'transfer_refund', amount, transfer.currency, id),
    created: dc.clock.nowSeconds(),
    currency: transfer.currency,
    destination_payment_refund: newId('pyr'),
    metadata: applyMetadata(params, {}),
    source_refund: null,
    transfer: transfer.id,
  };
  dc.store.transferReversals.set(id, reversal);
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed >= transfer.amount;
  transfer.reversals.data.unshift(reversal);
  transfer.reversals.total_count += 1;
  recordEvent(dc, 'transfer.reversed', transfer);
  return reversal;
}
