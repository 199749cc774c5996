import { BadRequestError, ConflictError, CreatePaymentInput, UserDto } from '@bigtix/common';
import { Types } from 'mongoose';
import { IN_FLIGHT_STATUSES, Payment, listOrderPayments } from '../models/payment';
import { assertPayable } from './assert-payable';
import { confirmAttempt } from './confirm-attempt';
import type { PaymentsDeps } from '../deps';
import { findOwnedOrder } from './find-owned-order';
import { attemptKey } from '../models/keys';

export interface CreatePaymentResult {
  /** False when an attempt already in flight was returned instead of starting one. */
  created: boolean;
  payment: Payment;
}

/** How long a request that lost the race for an attempt waits for the winner's Stripe answer. */
const SETTLE_WAIT_MS = 5_000;

/**
 * POST /api/payments/new: pays an order the caller holds. One attempt at a time per order:
 * attempt n is the unique key `<orderId>#<n>`, so concurrent requests create one attempt, and
 * a call while an attempt is in flight returns that attempt instead of charging again.
 */
export async function createPayment(
  deps: PaymentsDeps,
  user: UserDto,
  input: CreatePaymentInput,
): Promise<CreatePaymentResult> {
  const order = await findOwnedOrder(deps.orders, user.id, input.orderId, deps.config.replicaWaitMs);
  if (input.amount !== order.total) {
    const message = `amount must equal the order total (${order.total} cents)`;
    throw new BadRequestError(message, [{ message, field: 'amount' }]);
  }
  const attempts = await listOrderPayments(deps.payments.docs, order._id);
  if (attempts.some((p) => p.status === 'succeeded' || p.status === 'refunded')) {
    throw new ConflictError('This order has already been paid', { orderStatus: order.status });
  }
  assertPayable(order, deps.now());

  const latest = attempts[attempts.length - 1];
  if (latest && IN_FLIGHT_STATUSES.includes(latest.status)) {
    return { created: false, payment: await settleOrResume(deps, latest) };
  }

  const attempt = (latest?.attempt ?? 0) + 1;
  const now = new Date(deps.now()).toISOString();
  const payment: Payment = {
    _id: new Types.ObjectId().toHexString(),
    version: 1,
    orderId: order._id,
    userId: user.id,
    attempt,
    attemptKey: attemptKey(order._id, attempt),
    amount: order.total,
    currency: order.currency,
    status: 'pending',
    confirmationTokenId: input.confirmationTokenId,
    paymentIntentId: null,
    clientSecret: null,
    failureMessage: null,
    refundId: null,
    createdAt: now,
    updatedAt: now,
  };
  const [claimed] = await deps.payments.store.createMany([payment], () => []);
  if (!claimed.ok) {
    // A concurrent request took attempt n: answer with its attempt, never start a second charge.
    const winner = await deps.payments.docs.findOne({ attemptKey: payment.attemptKey });
    if (!winner) throw new ConflictError('Another payment for this order is starting; try again');
    return { created: false, payment: await settleOrResume(deps, winner) };
  }
  return { created: true, payment: await confirmAttempt(deps, payment) };
}

/**
 * An attempt still `pending` is either being confirmed by another request right now (wait for
 * its answer) or was left behind by a request that died mid-way (resume it: the idempotency
 * key makes Stripe return the PaymentIntent it may already have created).
 */
async function settleOrResume(deps: PaymentsDeps, payment: Payment): Promise<Payment> {
  if (payment.status !== 'pending') return payment;
  if (deps.now() - Date.parse(payment.updatedAt) > deps.config.staleAttemptMs) return confirmAttempt(deps, payment);
  const deadline = Date.now() + SETTLE_WAIT_MS;
  let current: Payment | null = payment;
  while (current && current.status === 'pending' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    current = await deps.payments.store.findById(payment._id);
  }
  return current ?? payment;
}
