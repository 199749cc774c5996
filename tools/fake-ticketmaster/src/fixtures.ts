import { classifications, type Classification } from './fixture-data/classifications';
import { eventDefinitions, type EventDefinition, type EventStatusCode } from './fixture-data/event-definitions';
import { venues, type VenueDefinition } from './fixture-data/venues';
import { addDays, localDateOf, toApiDateTime, zonedToEpoch } from './time-zone';

export type { EventDefinition, EventStatusCode } from './fixture-data/event-definitions';
export type { Classification } from './fixture-data/classifications';

// ---- Discovery v2 wire types (the subset the fixtures fill in) -------------------------------

export interface Href {
  href: string;
}

export interface DiscoveryImage {
  ratio: '16_9' | '3_2' | '4_3';
  url: string;
  width: number;
  height: number;
  fallback: boolean;
}

export interface DiscoveryVenue {
  name: string;
  type: 'venue';
  id: string;
  test: boolean;
  url: string;
  locale: string;
  postalCode: string;
  timezone: string;
  city: { name: string };
  state?: { name: string; stateCode: string };
  country: { name: string; countryCode: string };
  address: { line1: string };
  location: { longitude: string; latitude: string };
  _links: { self: Href };
}

export interface DiscoveryAttraction {
  name: string;
  type: 'attraction';
  id: string;
  test: boolean;
  url: string;
  locale: string;
  classifications: Classification[];
  _links: { self: Href };
}

export interface DiscoveryEvent {
  name: string;
  type: 'event';
  id: string;
  test: boolean;
  url: string;
  locale: string;
  images: DiscoveryImage[];
  sales: { public: { startDateTime: string; startTBD: boolean; startTBA: boolean; endDateTime: string } };
  dates: {
    start: {
      localDate: string;
      localTime?: string;
      dateTime?: string;
      dateTBD: boolean;
      dateTBA: boolean;
      timeTBA: boolean;
      noSpecificTime: boolean;
    };
    timezone: string;
    status: { code: EventStatusCode };
    spanMultipleDays: boolean;
  };
  classifications: Classification[];
  info?: string;
  pleaseNote?: string;
  priceRanges?: { type: 'standard'; currency: string; min: number; max: number }[];
  /** The venue's static seat map for this event (a PNG on maps.ticketmaster.com); absent for some events. */
  seatmap?: { staticUrl: string; id: string };
  _links: { self: Href; attractions?: Href[]; venues: Href[] };
  _embedded: { venues: DiscoveryVenue[]; attractions?: DiscoveryAttraction[] };
}

/** A catalogue entry: the wire event plus the values search needs, computed once. */
export interface CatalogueEntry {
  event: DiscoveryEvent;
  definition: EventDefinition;
  /** Start instant (local midnight when the event has no specific time). */
  startsAt: number;
  searchText: { name: string; city: string; countryCode: string; classificationNames: string[] };
}

export interface CatalogueOptions {
  /** Server start time; event dates are offsets from it. */
  now: number;
  /** Where image URLs point (`https://s1.ticketm.net` like the real API by default). */
  imageBaseUrl?: string;
  /** Where seat map URLs point (`https://maps.ticketmaster.com` like the real API by default). */
  seatmapBaseUrl?: string;
}

// ---- Public fixture helpers for tests ---------------------------------------------------------

/** All fixture definitions, in a stable order. Clock-free, so usable before a server starts. */
export const FIXTURE_EVENTS: readonly EventDefinition[] = eventDefinitions;

/** Ids with a known property, for tests that need "an event that is X". */
export const FIXTURE_IDS = {
  erasTourMetLife: 'vvG1OMw20GdtWRW4',
  acdcAndFriends: 'vv1AYZ6aBPIpARR',
  beyonceLosAngeles: 'G5vfpSe7Mg4lAnoY',
  hamiltonNewYork: 'vvG1MYsdtpr5vTtG',
  soonest: 'Z698xZpwIjZ3lN',
  cancelled: 'vvG18NPk8PtSyRg',
  postponed: 'Z698xZp3TwlmiF4u',
  rescheduled: 'vvG1gzxTddI3VAlYG',
  offsale: 'vvG12yTh0rGkFqYr',
  withoutPriceRanges: 'vvG1Ryt6g3MHN4xQU',
  withoutImages: '1AvZfrsRQDK0eUAG',
  withSeatmap: 'vvG1OMw20GdtWRW4',
  /** The second Eras Tour date at MetLife: found by the same search as `withSeatmap`. */
  withoutSeatmap: '1AvZn9qpK2rztUx',
  withoutSpecificTime: 'vv1ASFWoebdohBi2u1',
  inLondon: 'Z698xZ477HksScI0',
} as const;

/** Shaped like a real id but never in the catalogue. */
export const UNKNOWN_EVENT_ID = 'vvG1ZZZZnotAnEvent';

/** Names with characters that must be URL-encoded. */
export const TRICKY_KEYWORDS = ['AC/DC & friends #1', 'Beyoncé'] as const;

export function fixtureEventIds(): string[] {
  return eventDefinitions.map((d) => d.id);
}

export function findFixtureEvents(match: (d: EventDefinition) => boolean): EventDefinition[] {
  return eventDefinitions.filter(match);
}

/** The first fixture id matching the criteria; throws so a test never silently uses `undefined`. */
export function pickFixtureEventId(
  criteria: {
    city?: string;
    status?: EventStatusCode;
    withPriceRanges?: boolean;
    withImages?: boolean;
    withSeatmap?: boolean;
  } = {},
): string {
  const found = eventDefinitions.find(
    (d) =>
      (criteria.city === undefined || venues[d.venue].city === criteria.city) &&
      (criteria.status === undefined || d.status === criteria.status) &&
      (criteria.withPriceRanges === undefined || (d.price !== undefined) === criteria.withPriceRanges) &&
      (criteria.withImages === undefined || (d.images !== false) === criteria.withImages) &&
      (criteria.withSeatmap === undefined || (d.seatmap !== false) === criteria.withSeatmap),
  );
  if (!found) throw new Error(`no fixture event matches ${JSON.stringify(criteria)}`);
  return found.id;
}

export function fixtureCities(): string[] {
  return [...new Set(Object.values(venues).map((v) => v.city))];
}

// ---- Building the wire events -----------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

export function buildCatalogue(options: CatalogueOptions): CatalogueEntry[] {
  const imageBase = (options.imageBaseUrl ?? 'https://s1.ticketm.net').replace(/\/$/, '');
  const seatmapBase = (options.seatmapBaseUrl ?? 'https://maps.ticketmaster.com').replace(/\/$/, '');
  return eventDefinitions.map((d) => buildEntry(d, options.now, imageBase, seatmapBase));
}

function buildEntry(d: EventDefinition, now: number, imageBase: string, seatmapBase: string): CatalogueEntry {
  const venue: VenueDefinition = venues[d.venue];
  const classification = classifications[d.classification];
  const localDate = addDays(localDateOf(now, venue.timezone), d.dayOffset);
  const startsAt = zonedToEpoch(localDate, d.localTime ?? '00:00:00', venue.timezone);
  const dateTime = d.localTime ? toApiDateTime(startsAt) : undefined;

  const event: DiscoveryEvent = {
    name: d.name,
    type: 'event',
    id: d.id,
    test: false,
    url: eventUrl(d, venue, localDate),
    locale: 'en-us',
    images: d.images === false ? [] : images(imageBase, d.id),
    sales: {
      public: {
        startDateTime: toApiDateTime(now - 30 * DAY_MS),
        startTBD: false,
        startTBA: false,
        endDateTime: toApiDateTime(d.localTime ? startsAt : startsAt + DAY_MS - 1000),
      },
    },
    dates: {
      start: {
        localDate,
        ...(d.localTime ? { localTime: d.localTime, dateTime } : {}),
        dateTBD: false,
        dateTBA: false,
        timeTBA: false,
        noSpecificTime: d.localTime === null,
      },
      timezone: venue.timezone,
      status: { code: d.status },
      spanMultipleDays: false,
    },
    classifications: [classification],
    ...(d.info ? { info: d.info } : {}),
    ...(d.pleaseNote ? { pleaseNote: d.pleaseNote } : {}),
    ...(d.price
      ? {
          priceRanges: [{ type: 'standard' as const, currency: venue.currency, min: d.price[0], max: d.price[1] }],
        }
      : {}),
    ...(d.seatmap === false ? {} : { seatmap: { staticUrl: seatmapUrl(seatmapBase, d.id), id: 'seatmap' } }),
    _links: {
      self: { href: `/discovery/v2/events/${d.id}?locale=en-us` },
      ...(d.attraction ? { attractions: [{ href: `/discovery/v2/attractions/${d.attraction[1]}?locale=en-us` }] } : {}),
      venues: [{ href: `/discovery/v2/venues/${venue.id}?locale=en-us` }],
    },
    _embedded: {
      venues: [embeddedVenue(venue)],
      ...(d.attraction ? { attractions: [embeddedAttraction(d.attraction, classification)] } : {}),
    },
  };

  return {
    event,
    definition: d,
    startsAt,
    searchText: {
      name: d.name.toLowerCase(),
      city: venue.city.toLowerCase(),
      countryCode: venue.country.countryCode.toLowerCase(),
      classificationNames: [
        classification.segment.name,
        classification.genre.name,
        classification.subGenre.name,
        classification.type.name,
        classification.subType.name,
      ].map((n) => n.toLowerCase()),
    },
  };
}

// Real events carry ~10 crops; four covers every ratio a client might choose between.
const IMAGE_VARIANTS: { ratio: DiscoveryImage['ratio']; width: number; height: number; tag: string }[] = [
  { ratio: '16_9', width: 640, height: 360, tag: 'RETINA_PORTRAIT_16_9' },
  { ratio: '16_9', width: 1024, height: 576, tag: 'TABLET_LANDSCAPE_16_9' },
  { ratio: '3_2', width: 305, height: 203, tag: 'ARTIST_PAGE_3_2' },
  { ratio: '4_3', width: 305, height: 225, tag: 'CUSTOM' },
];

function images(base: string, id: string): DiscoveryImage[] {
  const folder = id.slice(-3).toLowerCase();
  return IMAGE_VARIANTS.map((v) => ({
    ratio: v.ratio,
    url: `${base}/dam/a/${folder}/${id}_${v.tag}.jpg`,
    width: v.width,
    height: v.height,
    fallback: false,
  }));
}

/** The real API's shape (served by routes/images.ts when the base is this server). */
function seatmapUrl(base: string, id: string): string {
  return `${base}/maps/geometry/3/event/${id}/staticImage?type=png&systemId=HOST`;
}

function eventUrl(d: EventDefinition, venue: VenueDefinition, localDate: string): string {
  const host =
    venue.country.countryCode === 'CA'
      ? 'www.ticketmaster.ca'
      : venue.country.countryCode === 'GB'
        ? 'www.ticketmaster.co.uk'
        : 'www.ticketmaster.com';
  const [y, m, day] = localDate.split('-');
  const place = [venue.city, venue.state?.name].filter(Boolean).join(' ');
  return `https://${host}/${slug(`${d.name} ${place}`)}-${m}-${day}-${y}/event/${d.id}`;
}

function embeddedVenue(v: VenueDefinition): DiscoveryVenue {
  return {
    name: v.name,
    type: 'venue',
    id: v.id,
    test: false,
    url: `https://www.ticketmaster.com/${slug(v.name)}-tickets-${slug(v.city)}/venue/${v.id}`,
    locale: 'en-us',
    postalCode: v.postalCode,
    timezone: v.timezone,
    city: { name: v.city },
    ...(v.state ? { state: { ...v.state } } : {}),
    country: { ...v.country },
    address: { line1: v.line1 },
    location: { longitude: v.longitude, latitude: v.latitude },
    _links: { self: { href: `/discovery/v2/venues/${v.id}?locale=en-us` } },
  };
}

function embeddedAttraction([name, id]: [string, string], classification: Classification): DiscoveryAttraction {
  return {
    name,
    type: 'attraction',
    id,
    test: false,
    url: `https://www.ticketmaster.com/${slug(name)}-tickets/artist/${id}`,
    locale: 'en-us',
    classifications: [classification],
    _links: { self: { href: `/discovery/v2/attractions/${id}?locale=en-us` } },
  };
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
