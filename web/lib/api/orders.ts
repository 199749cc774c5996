import 'server-only';
import type { OrderDto, Page } from '@bigtix/common';
import { callService, getJson, getOrNull } from './http';
import { toOrderView, type OrderView } from '../view/order';

export async function fetchMyOrders(): Promise<OrderView[]> {
  const page = await getJson<Page<OrderDto>>('orders', '/api/orders?limit=200');
  return page.items.map(toOrderView);
}

export async function fetchOrder(orderId: string): Promise<OrderView | null> {
  if (!/^[0-9a-f]{24}$/i.test(orderId)) return null;
  const dto = await getOrNull<OrderDto>('orders', `/api/orders/${orderId}`);
  return dto && toOrderView(dto);
}

export async function createOrder(tickets: { ticketId: string; price: number }[]): Promise<OrderView> {
  const { data } = await callService<OrderDto>('orders', '/api/orders', { method: 'POST', body: { tickets } });
  return toOrderView(data);
}

export async function cancelOrder(orderId: string): Promise<OrderView> {
  const { data } = await callService<OrderDto>('orders', `/api/orders/${orderId}`, { method: 'DELETE' });
  return toOrderView(data);
}
