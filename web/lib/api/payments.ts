import 'server-only';
import type { PaymentDto } from '@bigtix/common';
import { callService, getJson } from './http';

export async function createPayment(input: {
  amount: number;
  orderId: string;
  confirmationTokenId: string;
}): Promise<PaymentDto> {
  const { data } = await callService<PaymentDto>('payments', '/api/payments/new', { method: 'POST', body: input });
  return data;
}

/** Attempts of one order (payments extra route); an older payments service without it yields []. */
export async function fetchOrderPayments(orderId: string): Promise<PaymentDto[]> {
  try {
    const data = await getJson<PaymentDto[] | { items: PaymentDto[] }>('payments', `/api/payments/order/${orderId}`);
    return Array.isArray(data) ? data : data.items;
  } catch {
    return [];
  }
}
