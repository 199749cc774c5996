// The subset of Discovery API v2 responses this service reads. Everything is optional because
// real events omit fields freely (no priceRanges, no images, no time, no venue state...).

export interface TmImage {
  ratio?: string;
  url: string;
  width?: number;
  height?: number;
  fallback?: boolean;
}

export interface TmVenue {
  name?: string;
  city?: { name?: string };
  state?: { name?: string; stateCode?: string };
  country?: { name?: string; countryCode?: string };
  timezone?: string;
}

export interface TmClassification {
  primary?: boolean;
  segment?: { name?: string };
  genre?: { name?: string };
}

export interface TmEvent {
  id: string;
  name: string;
  url?: string;
  info?: string;
  pleaseNote?: string;
  images?: TmImage[];
  dates?: {
    start?: { localDate?: string; localTime?: string; dateTime?: string };
    end?: { localDate?: string; localTime?: string; dateTime?: string };
    timezone?: string;
    status?: { code?: string };
  };
  classifications?: TmClassification[];
  priceRanges?: { type?: string; currency?: string; min?: number; max?: number }[];
  /** The venue's static seat map for this event (maps.ticketmaster.com), when Ticketmaster has one. */
  seatmap?: { staticUrl?: string };
  _embedded?: { venues?: TmVenue[] };
}

export interface TmSearchPage {
  /** Absent (not empty) when a page has no events. */
  _embedded?: { events?: TmEvent[] };
  page?: { size?: number; totalElements?: number; totalPages?: number; number?: number };
}
