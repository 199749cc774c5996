import { NotFoundError, PaymentDto, objectIdSchema } from '@bigtix/common';
import { listOrderPayments as listRows, toPaymentDto } from '../models/payment';
import type { PaymentsDeps } from '../deps';
import { findOwnedOrder } from './find-owned-order';

/** Every attempt to pay the caller's order, oldest first (the checkout page shows the latest). */
export async function listOrderPayments(deps: PaymentsDeps, userId: string, orderId: string): Promise<PaymentDto[]> {
  if (!objectIdSchema.safeParse(orderId).success) throw new NotFoundError('Order not found');
  const order = await findOwnedOrder(deps.orders, userId, orderId, 0);
  return (await listRows(deps.payments.docs, order._id)).map(toPaymentDto);
}

export async function getPayment(deps: PaymentsDeps, userId: string, paymentId: string): Promise<PaymentDto> {
  if (!objectIdSchema.safeParse(paymentId).success) throw new NotFoundError('Payment not found');
  const payment = await deps.payments.store.findById(paymentId);
  if (!payment || payment.userId !== userId) throw new NotFoundError('Payment not found');
  return toPaymentDto(payment);
}
