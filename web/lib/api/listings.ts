import 'server-only';
import type { ListingDto, ListingInput, OrderDto, Page } from '@bigtix/common';
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

/** `POST /api/listings`: one group of seats, each seat its own ticket with its own serial. */
export async function createListing(input: ListingInput): Promise<ListingDto> {
  const { data } = await callService<ListingDto>('tickets', '/api/listings', { method: 'POST', body: input });
  return data;
}

/** The caller's listings (every status), following cursors. */
export async function fetchMyListings(): Promise<ListingDto[]> {
  const out: ListingDto[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = `limit=200${cursor ? `&cursor=${id(cursor)}` : ''}`;
    const page: Page<ListingDto> = await getJson<Page<ListingDto>>('tickets', `/api/listings/mine?${qs}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 2000);
  return out;
}

/** Re-prices every unsold seat of a listing. */
export async function repriceListing(listingId: string, price: number): Promise<ListingDto> {
  const { data } = await callService<ListingDto>('tickets', `/api/listings/${id(listingId)}`, {
    method: 'PUT',
    body: { price },
  });
  return data;
}

/** Withdraws what of a listing is not held or sold. */
export async function withdrawListing(listingId: string): Promise<ListingDto> {
  const { data } = await callService<ListingDto>('tickets', `/api/listings/${id(listingId)}`, { method: 'DELETE' });
  return data;
}
