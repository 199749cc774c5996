import { discoveryErrors, type DiscoveryErrorBody } from './discovery-errors';
import type { CatalogueEntry, DiscoveryEvent, Href } from './fixtures';

export const SEARCH_PATH = '/discovery/v2/events.json';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;
/** Documented deep-paging rule: `page * size` must stay below this. */
export const MAX_PAGING_DEPTH = 1000;

const API_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export const SORTS = ['date,asc', 'date,desc', 'name,asc', 'name,desc', 'relevance,desc', 'id,asc'] as const;
type Sort = (typeof SORTS)[number];

export interface SearchPage {
  _embedded?: { events: DiscoveryEvent[] };
  _links: { first?: Href; prev?: Href; self: Href; next?: Href; last?: Href };
  page: { size: number; totalElements: number; totalPages: number; number: number };
}

export type SearchOutcome = { status: 200; body: SearchPage } | { status: 400; body: DiscoveryErrorBody };

interface Criteria {
  keyword?: string;
  cities?: string[];
  countryCode?: string;
  classificationNames?: string[];
  start?: number;
  end?: number;
  size: number;
  page: number;
  sort: Sort;
}

/** `GET /discovery/v2/events.json` as a pure function of the catalogue and the query string. */
export function searchEvents(catalogue: readonly CatalogueEntry[], query: URLSearchParams): SearchOutcome {
  const parsed = parseCriteria(query);
  if ('error' in parsed) return { status: 400, body: parsed.error };
  const c = parsed.criteria;

  const matches = catalogue.filter((e) => matchesCriteria(e, c));
  sortEntries(matches, c);

  const totalElements = matches.length;
  const totalPages = Math.ceil(totalElements / c.size);
  const events = matches.slice(c.page * c.size, (c.page + 1) * c.size).map((e) => e.event);

  const body: SearchPage = {
    // The real API omits `_embedded` entirely (not an empty list) when a page has no events.
    ...(events.length > 0 ? { _embedded: { events } } : {}),
    _links: pageLinks(query, c, totalPages),
    page: { size: c.size, totalElements, totalPages, number: c.page },
  };
  return { status: 200, body };
}

function parseCriteria(q: URLSearchParams): { criteria: Criteria } | { error: DiscoveryErrorBody } {
  const size = parseNonNegativeInt(q.get('size'), DEFAULT_PAGE_SIZE);
  if (size === null || size === 0) return { error: discoveryErrors.badQueryParam('size', 'a positive integer') };
  if (size > MAX_PAGE_SIZE) return { error: discoveryErrors.sizeTooLarge() };
  const page = parseNonNegativeInt(q.get('page'), 0);
  if (page === null) return { error: discoveryErrors.badQueryParam('page', 'a non-negative integer') };

  const startRaw = q.get('startDateTime');
  const endRaw = q.get('endDateTime');
  for (const raw of [startRaw, endRaw]) {
    if (raw !== null && (!API_DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw)))) {
      return { error: discoveryErrors.badDateFormat() };
    }
  }

  const sort = (q.get('sort') ?? 'date,asc').trim() as Sort;
  if (!SORTS.includes(sort)) return { error: discoveryErrors.badQueryParam('sort', `one of ${SORTS.join(' | ')}`) };

  // Documented as `(page * size) must be less than 1,000`. The live API was seen serving exactly
  // 1,000 (page 5 at size 200); the fake enforces the documented, stricter rule.
  if (page * size >= MAX_PAGING_DEPTH) return { error: discoveryErrors.pagingTooDeep() };

  return {
    criteria: {
      keyword: nonEmpty(q.get('keyword'))?.toLowerCase(),
      cities: list(q.get('city')),
      countryCode: nonEmpty(q.get('countryCode'))?.toLowerCase(),
      classificationNames: list(q.get('classificationName')),
      start: startRaw ? Date.parse(startRaw) : undefined,
      end: endRaw ? Date.parse(endRaw) : undefined,
      size,
      page,
      sort,
    },
  };
}

function matchesCriteria(e: CatalogueEntry, c: Criteria): boolean {
  const t = e.searchText;
  if (c.keyword && !t.name.includes(c.keyword)) return false;
  if (c.cities && !c.cities.includes(t.city)) return false;
  if (c.countryCode && t.countryCode !== c.countryCode) return false;
  if (c.classificationNames && !c.classificationNames.some((n) => t.classificationNames.includes(n))) {
    return false;
  }
  if (c.start !== undefined && e.startsAt < c.start) return false;
  if (c.end !== undefined && e.startsAt > c.end) return false;
  return true;
}

function sortEntries(entries: CatalogueEntry[], c: Criteria): void {
  const byDate = (a: CatalogueEntry, b: CatalogueEntry) => a.startsAt - b.startsAt;
  const byName = (a: CatalogueEntry, b: CatalogueEntry) => a.event.name.localeCompare(b.event.name);
  // Byte order, as the live API's `id,asc` (digits < uppercase < lowercase).
  const byId = (a: CatalogueEntry, b: CatalogueEntry) =>
    a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
  const then =
    (...cmps: ((a: CatalogueEntry, b: CatalogueEntry) => number)[]) =>
    (a: CatalogueEntry, b: CatalogueEntry) => {
      for (const cmp of cmps) {
        const r = cmp(a, b);
        if (r !== 0) return r;
      }
      return 0;
    };
  const relevance = (a: CatalogueEntry, b: CatalogueEntry) => score(b, c.keyword) - score(a, c.keyword);

  // Every order ends with the id so equal dates never shuffle across page boundaries.
  const comparators: Record<Sort, (a: CatalogueEntry, b: CatalogueEntry) => number> = {
    'date,asc': then(byDate, byId),
    'date,desc': then((a, b) => byDate(b, a), byId),
    'name,asc': then(byName, byDate, byId),
    'name,desc': then((a, b) => byName(b, a), byDate, byId),
    'relevance,desc': then(relevance, byDate, byId),
    'id,asc': byId,
  };
  entries.sort(comparators[c.sort]);
}

/** A rough stand-in for the real relevance: names starting with the keyword first. */
function score(e: CatalogueEntry, keyword: string | undefined): number {
  if (!keyword) return 0;
  if (e.searchText.name.startsWith(keyword)) return 2;
  return e.searchText.name.includes(keyword) ? 1 : 0;
}

function pageLinks(query: URLSearchParams, c: Criteria, totalPages: number): SearchPage['_links'] {
  // Links echo the caller's parameters but never the API key, as the real API does.
  const base = new URLSearchParams(query);
  base.delete('apikey');
  const href = (params: URLSearchParams) => {
    const qs = params.toString();
    return { href: qs ? `${SEARCH_PATH}?${qs}` : SEARCH_PATH };
  };
  const at = (page: number) => {
    const p = new URLSearchParams(base);
    p.set('page', String(page));
    p.set('size', String(c.size));
    return href(p);
  };
  if (totalPages === 0) return { self: href(base) };
  return {
    first: at(0),
    ...(c.page > 0 ? { prev: at(Math.min(c.page - 1, totalPages - 1)) } : {}),
    self: href(base),
    ...(c.page < totalPages - 1 ? { next: at(c.page + 1) } : {}),
    last: at(totalPages - 1),
  };
}

function parseNonNegativeInt(raw: string | null, fallback: number): number | null {
  if (raw === null || raw.trim() === '') return fallback;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

function nonEmpty(raw: string | null): string | undefined {
  const v = raw?.trim();
  return v ? v : undefined;
}

/** The real API takes comma-separated lists for `city` and `classificationName`. */
function list(raw: string | null): string[] | undefined {
  const items = raw
    ?.split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}
