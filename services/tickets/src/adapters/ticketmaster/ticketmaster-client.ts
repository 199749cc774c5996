import { BadRequestError, EventSearchQuery, UpstreamError } from '@bigtix/common';
import type { Logger } from '@bigtix/middleware';
import type { TmEvent, TmSearchPage } from './discovery-types';
import { RateLimiter } from './rate-limiter';

export interface TicketmasterClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  requestsPerSecond: number;
  maxRetries: number;
  maxRetryWaitMs: number;
  /** Wait before retrying a 429 whose Rate-Limit-Reset is absent or too far away (spike arrest is per second). */
  retryFallbackMs?: number;
  logger?: Logger;
  now?: () => number;
  fetch?: typeof fetch;
}

/** The documented deep-paging rule of the Discovery API: `page * size` must be below 1000. */
export const MAX_PAGING_DEPTH = 1000;

const SEARCH_PATH = '/discovery/v2/events.json';

export interface SearchResult {
  events: TmEvent[];
  page: number;
  totalPages: number;
  totalElements: number;
}

/**
 * Discovery API v2 client. Every call: waits for the client-side rate limit, builds the query
 * with URLSearchParams (so `AC/DC & friends #1` arrives intact), aborts after `timeoutMs`,
 * retries 429s (honouring Rate-Limit-Reset, bounded) and 5xx, and turns every failure into an
 * UpstreamError with a message a person can act on. It never throws anything else.
 */
export class TicketmasterClient {
  private readonly limiter: RateLimiter;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: TicketmasterClientOptions) {
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter(options.requestsPerSecond, 1_000, 50, this.now);
    this.fetchImpl = options.fetch ?? fetch;
  }

  async searchEvents(query: EventSearchQuery): Promise<SearchResult> {
    if (query.page * query.size >= MAX_PAGING_DEPTH) {
      throw new BadRequestError('Page is too deep', [
        {
          field: 'page',
          message: `page ${query.page} with size ${query.size} is too deep: Ticketmaster serves only the first ${MAX_PAGING_DEPTH} results (page * size must be below ${MAX_PAGING_DEPTH})`,
        },
      ]);
    }
    const params: Record<string, string> = {
      size: String(query.size),
      page: String(query.page),
      sort: 'date,asc',
      // A resale marketplace only cares about events that have not happened yet.
      startDateTime: toApiDateTime(query.from ?? new Date(this.now()).toISOString(), 'start'),
    };
    if (query.keyword) params.keyword = query.keyword;
    if (query.city) params.city = query.city;
    if (query.to) params.endDateTime = toApiDateTime(query.to, 'end');
    const res = await this.request(SEARCH_PATH, params);
    if (res.status !== 200) throw await unexpected(res, 'search events');
    const body = (await readJson(res)) as TmSearchPage;
    return {
      // The API omits `_embedded` entirely when a page is empty.
      events: body._embedded?.events ?? [],
      page: body.page?.number ?? query.page,
      totalPages: body.page?.totalPages ?? 0,
      totalElements: body.page?.totalElements ?? 0,
    };
  }

  /** One event, or null when Ticketmaster does not know the id. */
  async getEvent(id: string): Promise<TmEvent | null> {
    const res = await this.request(`/discovery/v2/events/${encodeURIComponent(id)}.json`, {});
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 200) throw await unexpected(res, `fetch event ${id}`);
    return (await readJson(res)) as TmEvent;
  }

  private async request(path: string, params: Record<string, string>): Promise<Response> {
    const url = `${this.options.baseUrl}${path}?${new URLSearchParams({ ...params, apikey: this.options.apiKey }).toString()}`;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.take();
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          signal: AbortSignal.timeout(this.options.timeoutMs),
          headers: { accept: 'application/json' },
        });
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          throw new UpstreamError(
            `Ticketmaster did not answer within ${this.options.timeoutMs} ms; try again later`,
            504,
          );
        }
        throw new UpstreamError('Ticketmaster is unreachable; try again later', 503);
      }
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        this.options.logger?.error({ status: res.status }, 'Ticketmaster rejected the API key');
        throw new UpstreamError(
          'Ticketmaster rejected our API key (check TICKETMASTER_CONSUMER_KEY); events cannot be looked up right now',
          502,
        );
      }
      if (res.status === 429) {
        const body = (await readJson(res).catch(() => ({}))) as { fault?: { detail?: { errorcode?: string } } };
        const quota = /quota/i.test(body.fault?.detail?.errorcode ?? '');
        const wait = this.retryWait(res.headers.get('rate-limit-reset'));
        if (quota && wait === null)
          throw new UpstreamError('Ticketmaster daily quota is used up; try again later', 503);
        if (attempt >= this.options.maxRetries)
          throw new UpstreamError('Ticketmaster is rate limiting us; try again in a moment', 503);
        await sleep(wait ?? Math.min(this.options.retryFallbackMs ?? 1000, this.options.maxRetryWaitMs));
        continue;
      }
      if (res.status >= 500 && attempt < this.options.maxRetries) {
        await res.body?.cancel();
        await sleep(Math.min(100 * 2 ** attempt, this.options.maxRetryWaitMs));
        continue;
      }
      return res;
    }
  }

  /** Milliseconds until Rate-Limit-Reset (epoch ms) when it is near enough to wait for, else null. */
  private retryWait(header: string | null): number | null {
    const reset = Number(header);
    if (!header || !Number.isFinite(reset)) return null;
    const delta = reset - this.now();
    return delta > 0 && delta <= this.options.maxRetryWaitMs ? delta : null;
  }
}

/** Discovery wants `YYYY-MM-DDTHH:mm:ssZ`: a bare date means the start or end of that UTC day. */
export function toApiDateTime(value: string, edge: 'start' | 'end'): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T${edge === 'start' ? '00:00:00' : '23:59:59'}Z` : value;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new UpstreamError('Ticketmaster sent a response that is not JSON', 502);
  }
}

async function unexpected(res: Response, what: string): Promise<UpstreamError> {
  const text = await res.text().catch(() => '');
  let detail = '';
  try {
    const body = JSON.parse(text) as { errors?: { detail?: string }[]; fault?: { faultstring?: string } };
    detail = body.errors?.[0]?.detail ?? body.fault?.faultstring ?? '';
  } catch {
    // not JSON: the status alone says enough
  }
  return new UpstreamError(
    `Ticketmaster could not ${what} (HTTP ${res.status}${detail ? `: ${detail}` : ''})`,
    res.status >= 500 ? 503 : 502,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
