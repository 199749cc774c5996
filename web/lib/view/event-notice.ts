import type { OrderDto } from '@bigtix/common';
import { eventDate, money } from '../format';

/** What happened to an order's event, as the buyer reads it on the order page and in My tickets. */
export interface EventNotice {
  kind: 'cancelled' | 'postponed' | 'rescheduled';
  severity: 'error' | 'warning' | 'info';
  text: string;
}

/**
 * From the event facts orders adds to an order (`event`, `refund`): a cancelled event says what
 * was refunded (the whole charge), a postponed or moved one that the tickets stay valid and when.
 */
export function eventNoticeOf(o: Pick<OrderDto, 'event' | 'refund' | 'status' | 'currency'>): EventNotice | null {
  const status = o.event?.status;
  if (status === 'cancelled') {
    const text =
      o.refund !== undefined
        ? `The event was cancelled. Your order is refunded in full: ${money(o.refund.amount, o.refund.currency)}, fees included.`
        : o.status === 'paid'
          ? 'The event was cancelled. Your order will be refunded in full, fees included.'
          : 'The event was cancelled.';
    return { kind: 'cancelled', severity: 'error', text };
  }
  if (status === 'postponed') {
    return {
      kind: 'postponed',
      severity: 'warning',
      text: 'The event was postponed. Your tickets stay valid for the new date once it is announced.',
    };
  }
  if (status === 'rescheduled') {
    return {
      kind: 'rescheduled',
      severity: 'info',
      text: `The event moved to ${eventDate(o.event?.start ?? null)}. Your tickets stay valid for the new date.`,
    };
  }
  return null;
}
