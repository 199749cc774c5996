'use server';
import { redirect } from 'next/navigation';
import type { OrderConflictDetails } from '@bigtix/common';
import { fetchCurrentUser } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/http';
import { cancelOrder, createOrder, fetchOrder } from '@/lib/api/orders';
import { objectIdSchema, priceCentsSchema } from '@bigtix/common';

export interface HoldState {
  error: string | null;
  /** Ticket ids the service refused (taken by someone else, or repriced). */
  unavailable: string[];
}

/** Holds the chosen tickets at the prices the buyer saw, then opens the order's checkout. */
export async function holdTickets(eventId: string, _prev: HoldState, form: FormData): Promise<HoldState> {
  const user = await fetchCurrentUser();
  if (!user) redirect(`/auth/signin?next=${encodeURIComponent(`/events/${eventId}`)}`);
  const picks = form.getAll('ticket').map(String);
  const tickets = picks
    .map((p) => {
      const [ticketId, price] = p.split(':');
      return { ticketId, price: Number(price) };
    })
    .filter((t) => objectIdSchema.safeParse(t.ticketId).success && priceCentsSchema.safeParse(t.price).success);
  if (tickets.length === 0) return { error: 'Choose at least one ticket.', unavailable: [] };
  let orderId: string;
  try {
    orderId = (await createOrder(tickets)).id;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      // The service spreads the conflict details next to `errors` (see @bigtix/middleware error handler).
      const d = (err.body ?? {}) as Partial<OrderConflictDetails>;
      const unavailable = [...(d?.unavailable ?? []), ...(d?.priceChanged ?? []).map((p) => p.ticketId)];
      return {
        error: `${err.messages.join('. ')}. Someone else got there first or the price changed; refresh and choose again.`,
        unavailable,
      };
    }
    if (err instanceof ApiError && err.status === 404) {
      // Orders learns about listings from events: a ticket listed a moment ago may not be there yet.
      return {
        error: 'These tickets are not ready for sale yet (just listed). Try again in a few seconds.',
        unavailable: [],
      };
    }
    if (err instanceof ApiError && err.status < 500) return { error: err.messages.join('. '), unavailable: [] };
    return { error: 'We could not hold these tickets right now. Please try again.', unavailable: [] };
  }
  redirect(`/orders/${orderId}`);
}

export async function cancelMyOrder(orderId: string): Promise<{ error: string | null }> {
  try {
    await cancelOrder(orderId);
    return { error: null };
  } catch (err) {
    return { error: err instanceof ApiError ? err.messages.join('. ') : 'Could not cancel the order.' };
  }
}

/** For the checkout's poll: the order's current status (null when it cannot be read). */
export async function orderStatus(orderId: string) {
  const order = await fetchOrder(orderId);
  return order ? { status: order.status, statusLabel: order.statusLabel } : null;
}
