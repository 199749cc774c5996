'use server';
import { redirect } from 'next/navigation';
import { fetchCurrentUser } from '@/lib/api/auth';
import { ApiError } from '@/lib/api/http';
import { orderFromListing } from '@/lib/api/listings';

/**
 * Buys `quantity` seats together from one listing: the hold, then the order's checkout. When the
 * seats went to someone else a moment ago, back to the event's listings for that quantity.
 */
export async function holdListing(eventId: string, listingId: string, quantity: number): Promise<void> {
  const back = `/events/${encodeURIComponent(eventId)}?quantity=${quantity}`;
  const user = await fetchCurrentUser();
  if (!user) redirect(`/auth/signin?next=${encodeURIComponent(back)}`);
  let orderId: string;
  try {
    orderId = (await orderFromListing(listingId, quantity)).id;
  } catch (err) {
    if (err instanceof ApiError && err.status < 500) redirect(`${back}&gone=${encodeURIComponent(listingId)}`);
    throw err;
  }
  redirect(`/orders/${orderId}`);
}
