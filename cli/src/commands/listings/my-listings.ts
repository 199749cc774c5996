import type { ListingDto } from '@bigtix/common';
import type { ApiClient } from '../../lib/api-client';

/** Every listing of the caller (all pages), optionally for one event. */
export async function allMyListings(api: ApiClient, eventId?: string): Promise<ListingDto[]> {
  const all: ListingDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.myListings({ eventId, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
