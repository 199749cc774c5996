import { OrderStatus } from '@bigtix/common';
import { claim } from '@bigtix/middleware';
import type { OrdersDeps } from '../deps';
import type { OutcomeDoc, OutcomeKind } from '../models/hold';
import { lateOutcomeKey } from '../models/keys';
import type { OrderDoc } from '../models/order';
import { advanceOrder } from './advance-order';
import { releaseHoldsOf } from './holds';
import { rejectPayment } from './reject-payment';

export interface OutcomeClaim {
  won: boolean;
  /** The outcome that decided the order: ours if we won, the winner's otherwise. */
  doc: OutcomeDoc;
}

type OutcomeExtra = Pick<OutcomeDoc, 'paymentIntentId' | 'amount' | 'reason'>;

/**
 * The single decision point between paid, cancelled and expired (and abandoned creations): a
 * unique insert keyed by the order id. Exactly one of the racers wins; the others read what won.
 */
export async function claimOutcome(
  deps: OrdersDeps,
  key: string,
  orderId: string,
  outcome: OutcomeKind,
  extra: OutcomeExtra = {},
): Promise<OutcomeClaim> {
  const doc: Omit<OutcomeDoc, '_id'> = {
    orderId,
    outcome,
    decidedAt: new Date(deps.now()),
    appliedAt: null,
    pending: 1,
    ...extra,
  };
  if (await claim(deps.outcomes, key, doc)) return { won: true, doc: { _id: key, ...doc } };
  const existing = await deps.outcomes.findOne({ _id: key });
  if (!existing) throw new Error(`outcome ${key} vanished`);
  return { won: false, doc: existing };
}

const statusOf = (outcome: OutcomeKind): OrderStatus | null =>
  outcome === 'paid' ? 'paid' : outcome === 'cancelled' ? 'cancelled' : outcome === 'rejected' ? null : 'expired';

/**
 * Makes everything reflect a decided outcome: the order document (a versioned change carrying
 * its event), the holds the outcome is about (released unless paid) and any refund. Every step is
 * idempotent and safe to run concurrently (a versioned change, release markers, a refund keyed by
 * the PaymentIntent), so the winner, a duplicate delivery that lost, and the repair sweep may all
 * run it: whoever gets there first finishes the job.
 */
export async function settleOutcome(deps: OrdersDeps, outcome: OutcomeDoc): Promise<OrderDoc | null> {
  const status = statusOf(outcome.outcome);
  let order: OrderDoc | null;
  if (status) {
    order = await bringOrderTo(deps, outcome.orderId, status, outcome.paymentIntentId);
  } else {
    order = await deps.orders.findById(outcome.orderId);
  }
  const purpose = outcome._id === lateOutcomeKey(outcome.orderId) ? 'late' : 'order';
  if (outcome.outcome !== 'paid') await releaseHoldsOf(deps, outcome.orderId, purpose);
  if (outcome.outcome === 'rejected') {
    await rejectPayment(
      deps,
      outcome.orderId,
      outcome.paymentIntentId ?? '',
      outcome.amount ?? 0,
      outcome.reason ?? 'rejected',
    );
  }
  await deps.outcomes.updateOne({ _id: outcome._id }, { $set: { appliedAt: new Date(deps.now()), pending: 0 } });
  return order;
}

/** Moves the order document to the outcome's status (models/order.ts says which moves exist: once, expired → paid for a late payment). */
export async function bringOrderTo(
  deps: OrdersDeps,
  orderId: string,
  status: OrderStatus,
  paymentIntentId?: string,
): Promise<OrderDoc | null> {
  return advanceOrder(deps, orderId, status, () =>
    status === 'paid' ? { paymentIntentId: paymentIntentId ?? null } : {},
  );
}

/** Claims the outcome and, if this caller won, settles it. Returns the claim. */
export async function decideOutcome(
  deps: OrdersDeps,
  orderId: string,
  outcome: OutcomeKind,
  extra: OutcomeExtra = {},
): Promise<OutcomeClaim & { order: OrderDoc | null }> {
  const result = await claimOutcome(deps, orderId, orderId, outcome, extra);
  const order = result.won ? await settleOutcome(deps, result.doc) : null;
  return { ...result, order };
}
