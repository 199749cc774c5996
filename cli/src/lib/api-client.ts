import type {
  BulkListingsResponse,
  ListingDto,
  ListingInput,
  UpdateListingInput,
  BulkCreateResponse,
  CurrentUserResponse,
  ErrorBody,
  EventDetailsDto,
  EventSearchResponse,
  FeesDto,
  Page,
  PayoutAccountDto,
  PayoutOnboardingDto,
  PayoutsSummaryDto,
  SaleDto,
  TicketDto,
  TicketInput,
  TokenResponse,
  UpdateTicketInput,
} from '@bigtix/common';
import { ApiError, NetworkError, NotSignedInError } from './errors';

export interface EventSearchParams {
  keyword?: string;
  city?: string;
  from?: string;
  to?: string;
  page?: number;
  size?: number;
}

/** One of the user's CLI tokens (GET /api/users/tokens). */
export interface CliToken {
  id: string;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

export interface ApiClientOptions {
  apiUrl: string;
  token?: string;
  fetch?: typeof fetch;
  /** Per-request timeout; a bulk batch of 1000 rows needs more than a lookup. */
  timeoutMs?: number;
}

/** The BigTix HTTP API as the CLI uses it. Every failure becomes a CliError with one clear message. */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  get apiUrl(): string {
    return this.options.apiUrl;
  }

  /** The same client (same transport) speaking for another token, optionally at another URL. */
  withToken(token: string, apiUrl = this.options.apiUrl): ApiClient {
    return new ApiClient({ ...this.options, token, apiUrl });
  }

  get signedIn(): boolean {
    return Boolean(this.options.token);
  }

  createToken(email: string, password: string): Promise<TokenResponse> {
    return this.request('POST', '/api/users/tokens', { body: { email, password }, auth: false });
  }

  /** Revokes the token this client signs in with (it stops working on every service). */
  async signOut(): Promise<void> {
    await this.request('POST', '/api/users/signout', { auth: true });
  }

  listTokens(): Promise<{ items: CliToken[] }> {
    return this.request('GET', '/api/users/tokens', { auth: true });
  }

  async revokeToken(id: string): Promise<void> {
    await this.request('DELETE', `/api/users/tokens/${encodeURIComponent(id)}`, { auth: true });
  }

  async currentUser(): Promise<CurrentUserResponse> {
    return this.request('GET', '/api/users/currentuser', { auth: true });
  }

  searchEvents(params: EventSearchParams): Promise<EventSearchResponse> {
    return this.request('GET', `/api/events/search${query(params)}`, {});
  }

  getEvent(eventId: string): Promise<EventDetailsDto> {
    return this.request('GET', `/api/events/${encodeURIComponent(eventId)}`, {});
  }

  bulkCreate(tickets: TicketInput[]): Promise<BulkCreateResponse> {
    return this.request('POST', '/api/tickets/create', { body: { tickets }, auth: true, timeoutMs: 120_000 });
  }

  createOne(ticket: TicketInput): Promise<TicketDto> {
    return this.request('POST', '/api/tickets/create', { body: ticket, auth: true });
  }

  userTickets(
    userId: string,
    { cursor, status, limit = 200 }: { cursor?: string; status?: string; limit?: number } = {},
  ): Promise<Page<TicketDto>> {
    return this.request('GET', `/api/tickets/user/${encodeURIComponent(userId)}${query({ limit, cursor, status })}`, {
      auth: 'optional',
    });
  }

  updateTicket(input: UpdateTicketInput): Promise<TicketDto> {
    return this.request('PUT', '/api/tickets', { body: input, auth: true });
  }

  deleteTicket(id: string): Promise<TicketDto> {
    return this.request('DELETE', `/api/tickets/${encodeURIComponent(id)}`, { auth: true });
  }

  bulkListings(listings: ListingInput[]): Promise<BulkListingsResponse> {
    return this.request('POST', '/api/listings/bulk', { body: { listings }, auth: true, timeoutMs: 120_000 });
  }

  myListings({ cursor, eventId, limit = 200 }: { cursor?: string; eventId?: string; limit?: number } = {}): Promise<
    Page<ListingDto>
  > {
    return this.request('GET', `/api/listings/mine${query({ limit, cursor, eventId })}`, { auth: true });
  }

  updateListing(id: string, patch: UpdateListingInput): Promise<ListingDto> {
    return this.request('PUT', `/api/listings/${encodeURIComponent(id)}`, { body: patch, auth: true });
  }

  withdrawListing(id: string): Promise<ListingDto> {
    return this.request('DELETE', `/api/listings/${encodeURIComponent(id)}`, { auth: true });
  }

  /** The fee schedule new orders are priced with (public). */
  fees(): Promise<FeesDto> {
    return this.request('GET', '/api/payouts/fees', {});
  }

  payoutAccount(): Promise<PayoutAccountDto> {
    return this.request('GET', '/api/payouts/account', { auth: true });
  }

  /** Creates the seller's Stripe account the first time; always a fresh onboarding link. */
  startOnboarding(): Promise<PayoutOnboardingDto> {
    return this.request('POST', '/api/payouts/account', { auth: true });
  }

  sales(params: { event?: string; status?: string; cursor?: string; limit?: number } = {}): Promise<Page<SaleDto>> {
    return this.request('GET', `/api/payouts${query({ limit: 200, ...params })}`, { auth: true });
  }

  salesSummary(): Promise<PayoutsSummaryDto> {
    return this.request('GET', '/api/payouts/summary', { auth: true });
  }

  private async request<T>(
    method: string,
    path: string,
    { body, auth = false, timeoutMs }: { body?: unknown; auth?: boolean | 'optional'; timeoutMs?: number },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth) {
      if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
      else if (auth === true) throw new NotSignedInError();
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = `${this.options.apiUrl}${path}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs ?? this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new NetworkError(`cannot reach ${this.options.apiUrl} (${describeNetworkError(err)})`);
    }
    const text = await res.text().catch(() => '');
    const json = parseJson(text);
    if (res.ok) return json as T;
    const items = errorItems(json);
    const message = items[0]?.message ?? (text.trim().slice(0, 200) || res.statusText || 'request failed');
    if (res.status === 401 && auth) {
      throw new NotSignedInError(`not signed in (${message}); run \`bigtix login\``);
    }
    throw new ApiError(res.status, `${message} (HTTP ${res.status} from ${method} ${path.split('?')[0]})`, items);
  }
}

function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params) as [string, unknown][])
    if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function errorItems(json: unknown): ErrorBody['errors'] {
  const errors = (json as Partial<ErrorBody> | undefined)?.errors;
  return Array.isArray(errors) ? errors.filter((e) => e && typeof e.message === 'string') : [];
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError') return 'timed out';
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}
