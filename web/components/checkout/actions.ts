'use server';
import type { PaymentDto } from '@bigtix/common';
import { ApiError } from '@/lib/api/http';
import { createPayment } from '@/lib/api/payments';

export type PayResult = { ok: true; payment: PaymentDto } | { ok: false; status: number; message: string };

/** Sends the ConfirmationToken to payments; a decline (402) comes back as a message the buyer can act on. */
export async function payOrder(orderId: string, amount: number, confirmationTokenId: string): Promise<PayResult> {
  try {
    return { ok: true, payment: await createPayment({ orderId, amount, confirmationTokenId }) };
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) {
      return { ok: false, status: err.status, message: err.messages.join('. ') };
    }
    return {
      ok: false,
      status: 503,
      message: 'The payment service is not answering. Your tickets stay held; try again.',
    };
  }
}
