import 'server-only';
import type { ListingDto, OrderDto, Page } from '@bigtix/common';
import { callService, getJson } from './http';

const id = encodeURIComponent;

/** The event's listings that can sell exactly `quantity` seats together, cheapest (all-in) first. */
export async function fetchEventListings(eventId: string, quantity: number): Promise<ListingDto[]> {
  const page = await getJson<Page<ListingDto>>(
    'tickets',
    `/api/events/${id(eventId)}/listings?quantity=${quantity}&limit=200`,
    { withSession: false, revalidate: 0 },
  );
  return page.items;
}

/** Holds `quantity` adjacent seats of one listing (orders chooses the block). */
export async function orderFromListing(listingId: string, quantity: number): Promise<OrderDto> {
  const { data } = await callService<OrderDto>('orders', '/api/orders', {
    method: 'POST',
    body: { listingId, quantity },
  });
  return data;
}
