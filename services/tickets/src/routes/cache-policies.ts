import type { PublicCachePolicy } from '@bigtix/middleware';

// How long the edge (CDN, the ingress cache) may answer public reads by itself. Listings and
// tickets change with every hold, so a copy is at most a second old (plus one revalidation);
// whether a ticket can really be had is decided by the hold, never by a cached page.

/** Event details (from Ticketmaster, cached here for hours anyway). */
export const EVENT_CACHE: PublicCachePolicy = { sMaxAgeSeconds: 60, staleWhileRevalidateSeconds: 600 };

/** Which events have tickets on sale. */
export const EVENT_LIST_CACHE: PublicCachePolicy = { sMaxAgeSeconds: 5, staleWhileRevalidateSeconds: 30 };

/** Listings and one ticket: the owner also sees the serial, so only anonymous answers are public. */
export const LISTING_CACHE: PublicCachePolicy = {
  sMaxAgeSeconds: 1,
  staleWhileRevalidateSeconds: 5,
  variesByViewer: true,
};
