import 'server-only';
import { cookies, headers as incomingHeaders } from 'next/headers';
import type { ErrorBody } from '@bigtix/common';
import { forwardedFor } from './forwarded-for';

export const serviceUrls = {
  auth: () => process.env.AUTH_URL ?? 'http://127.0.0.1:4001',
  tickets: () => process.env.TICKETS_URL ?? 'http://127.0.0.1:4002',
  orders: () => process.env.ORDERS_URL ?? 'http://127.0.0.1:4003',
  payments: () => process.env.PAYMENTS_URL ?? 'http://127.0.0.1:4004',
};
export type Service = keyof typeof serviceUrls;

/** A non-2xx answer from a service, keeping its status and the contract's error messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly body: unknown,
  ) {
    super(messages.join('; ') || `request failed with ${status}`);
  }
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Public data may be cached briefly by Next; anything per-user never is. */
  revalidate?: number;
  /** Forward the browser's session cookie (default true). */
  withSession?: boolean;
}

async function cookieHeader(): Promise<string | undefined> {
  const jar = await cookies();
  const all = jar.getAll();
  return all.length ? all.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join('; ') : undefined;
}

/** Calls one service directly (server side), forwarding the incoming cookies so the service sees the user. */
export async function callService<T>(
  service: Service,
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; data: T; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.withSession !== false) {
    const cookie = await cookieHeader();
    if (cookie) headers.cookie = cookie;
  }
  const cached = opts.revalidate !== undefined && opts.withSession === false;
  // Shared cached fetches stay keyed by URL alone; everything else says whose request it is.
  if (!cached) {
    const chain = forwardedFor(await incomingHeaders());
    if (chain) headers['x-forwarded-for'] = chain;
  }
  const res = await fetch(`${serviceUrls[service]()}${path}`, {
    method: opts.method ?? 'GET',
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    ...(cached ? { next: { revalidate: opts.revalidate } } : { cache: 'no-store' as const }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) {
    const messages = Array.isArray((data as ErrorBody | null)?.errors)
      ? (data as ErrorBody).errors.map((e) => e.message)
      : [typeof data === 'string' && data ? data : `${service} answered ${res.status}`];
    throw new ApiError(res.status, messages, data);
  }
  return { status: res.status, data: data as T, headers: res.headers };
}

export async function getJson<T>(service: Service, path: string, opts: CallOptions = {}): Promise<T> {
  return (await callService<T>(service, path, opts)).data;
}

/** GET that maps 404 to null (unknown id) instead of throwing. */
export async function getOrNull<T>(service: Service, path: string, opts: CallOptions = {}): Promise<T | null> {
  try {
    return await getJson<T>(service, path, opts);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
