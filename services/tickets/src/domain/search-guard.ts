import type { EventSearchQuery, EventSearchResponse, UserDto } from '@bigtix/common';
import { Limit, Logger, SharedStore, intFromEnv } from '@bigtix/middleware';
import { searchCacheKey } from '../models/keys';

export interface SearchGuardConfig {
  /** Searches that reach Ticketmaster per anonymous client IP per minute. */
  anonymousPerIpPerMinute: number;
  /** The same for a signed-in user (per user, wherever they are). */
  perUserPerMinute: number;
  /** How long an answer is served from the shared cache. */
  cacheSeconds: number;
}

export function readSearchGuardConfig(env: NodeJS.ProcessEnv): SearchGuardConfig {
  return {
    anonymousPerIpPerMinute: intFromEnv(env.SEARCH_RATE_LIMIT_PER_IP, 30),
    perUserPerMinute: intFromEnv(env.SEARCH_RATE_LIMIT_PER_USER, 60),
    cacheSeconds: intFromEnv(env.SEARCH_CACHE_SECONDS, 60),
  };
}

/**
 * Keeps event search from burning the Ticketmaster daily quota: an answer is kept in Redis for
 * every replica to serve again (so repeating a search is free and counts against nothing), and
 * only searches that would reach Ticketmaster are counted, per client IP for anonymous callers
 * (429 + Retry-After) and per user for signed-in ones.
 */
export class SearchGuard {
  private readonly perIp: Limit;
  private readonly perUser: Limit;

  constructor(
    private readonly store: SharedStore,
    private readonly config: SearchGuardConfig,
    private readonly logger: Logger,
  ) {
    const message = 'Too many event searches; try again in a minute';
    this.perIp = store.limits.limit('search-ip', {
      points: config.anonymousPerIpPerMinute,
      durationSeconds: 60,
      message,
    });
    this.perUser = store.limits.limit('search-user', { points: config.perUserPerMinute, durationSeconds: 60, message });
  }

  async search(
    query: EventSearchQuery,
    caller: { user: UserDto | null; ip: string },
    fetch: () => Promise<EventSearchResponse>,
  ): Promise<EventSearchResponse> {
    const key = this.store.key(searchCacheKey(cacheKey(query)));
    const cached = await this.store.redis.get(key).catch(() => null);
    if (cached) return JSON.parse(cached) as EventSearchResponse;
    if (caller.user) await this.perUser.hit(caller.user.id);
    else await this.perIp.hit(caller.ip);
    const answer = await fetch();
    await this.store.redis
      .set(key, JSON.stringify(answer), 'EX', this.config.cacheSeconds)
      .catch((err: Error) => this.logger.debug({ err: err.message }, 'search cache unavailable'));
    return answer;
  }
}

/** The same search spelled differently (case, spaces, parameter order) is one cache entry. */
function cacheKey(q: EventSearchQuery): string {
  const norm = (s?: string) => s?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  return JSON.stringify([norm(q.keyword), norm(q.city), q.from ?? '', q.to ?? '', q.page, q.size]);
}
