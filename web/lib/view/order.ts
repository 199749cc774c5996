import type { OrderDto, OrderStatus } from '@bigtix/common';
import { money } from '../format';
import { EventNotice, eventNoticeOf } from './event-notice';

export interface OrderView {
  id: string;
  status: OrderStatus;
  statusLabel: string;
  expiresAt: string;
  active: boolean;
  /** Each ticket at its all-in price. */
  tickets: { ticketId: string; title: string; priceLabel: string }[];
  subtotalLabel: string;
  buyerFeeLabel: string;
  total: number;
  totalLabel: string;
  currency: string;
  createdAt: string;
  /** The event was cancelled (and the order refunded), postponed or moved. */
  eventNotice: EventNotice | null;
}

const labels: Record<OrderStatus, string> = {
  created: 'Held for you',
  'awaiting:payment': 'Payment in progress',
  paid: 'Paid',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export function orderStatusLabel(s: OrderStatus): string {
  return labels[s];
}

export function toOrderView(o: OrderDto): OrderView {
  return {
    id: o.id,
    status: o.status,
    statusLabel: labels[o.status],
    expiresAt: o.expiresAt,
    active: o.status === 'created' || o.status === 'awaiting:payment',
    tickets: o.tickets.map((t) => ({
      ticketId: t.ticketId,
      title: t.title,
      priceLabel: money(t.allInPrice ?? t.price, o.currency),
    })),
    subtotalLabel: money(o.subtotal ?? o.total, o.currency),
    buyerFeeLabel: money(o.buyerFee ?? 0, o.currency),
    total: o.total,
    totalLabel: money(o.total, o.currency),
    currency: o.currency,
    createdAt: o.createdAt,
    eventNotice: eventNoticeOf(o),
  };
}
