/**
 * Deps for a command's runX(opts, deps), as src/lib/deps.ts promises: the real Output, config
 * store (in a temporary XDG_CONFIG_HOME), settings and API client, with the network replaced by a
 * table of answers and the terminal by scripted prompts. Everything written is captured.
 */
import { DEFAULT_FEES } from '@bigtix/common';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../../src/lib/api-client';
import { ConfigStore } from '../../src/lib/config-store';
import type { Deps } from '../../src/lib/deps';
import { Output } from '../../src/lib/output';
import type { Prompts } from '../../src/lib/prompts';
import { noPrompts } from '../../src/lib/prompts';
import { resolveSettings } from '../../src/lib/settings';

const DEFAULT_ROUTES: Record<string, [number, unknown]> = {
  'GET /api/payouts/fees': [200, DEFAULT_FEES],
};

export const API_URL = 'http://api.bigtix.test';

export interface Request {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

/** `"GET /api/users/currentuser"` → the status and body to answer (a function may look at the request). */
export type Routes = Record<string, [number, unknown] | ((req: Request) => [number, unknown])>;

export interface TestDeps extends Deps {
  stdout(): string;
  stderr(): string;
  requests: Request[];
  configHome: string;
}

export async function testDeps(
  options: {
    routes?: Routes;
    env?: NodeJS.ProcessEnv;
    interactive?: boolean;
    stdinIsTTY?: boolean;
    prompts?: Partial<Prompts>;
    stdin?: string;
    files?: Record<string, string>;
    /** Signed in: a saved token for API_URL. */
    token?: string;
  } = {},
): Promise<TestDeps> {
  const configHome = await fs.mkdtemp(path.join(os.tmpdir(), 'bigtix-cli-test-'));
  const env = { XDG_CONFIG_HOME: configHome, BIGTIX_API_URL: API_URL, ...options.env };
  let out = '';
  let err = '';
  const output = new Output({ write: (s: string) => (out += s) }, { write: (s: string) => (err += s) }, env);
  const config = new ConfigStore(env);
  if (options.token) await config.write({ apiUrl: API_URL, token: options.token, email: 'seller@example.test' });
  const requests: Request[] = [];
  const fakeFetch = (async (url: string, init: RequestInit = {}) => {
    const u = new URL(url);
    const headers = (init.headers ?? {}) as Record<string, string>;
    const req: Request = {
      method: init.method ?? 'GET',
      path: `${u.pathname}${u.search}`,
      auth: headers.authorization ?? null,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    requests.push(req);
    // Every server answers its fee schedule (the defaults) unless a test says otherwise.
    const route = options.routes?.[`${req.method} ${u.pathname}`] ?? DEFAULT_ROUTES[`${req.method} ${u.pathname}`];
    if (!route)
      return new Response(JSON.stringify({ errors: [{ message: `no route ${req.method} ${u.pathname}` }] }), {
        status: 404,
      });
    const [status, body] = typeof route === 'function' ? route(req) : route;
    // No body at all for an empty answer: a 204 may not carry one.
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;

  return {
    out: output,
    env,
    interactive: options.interactive ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    prompts: { ...noPrompts(), ...options.prompts },
    config,
    async session(opts) {
      const settings = resolveSettings(opts, env, await config.read());
      return { api: new ApiClient({ apiUrl: settings.apiUrl, token: settings.token, fetch: fakeFetch }), settings };
    },
    readStdin: async () => options.stdin ?? '',
    async readFile(file) {
      const text = options.files?.[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return text;
    },
    stdout: () => out,
    stderr: () => err,
    requests,
    configHome,
  };
}

export const ME = { id: '665f1c2e9b1e8a0012345600', email: 'seller@example.test' };

/** A ticket as the tickets service answers it. */
export function ticket(over: Record<string, unknown> = {}) {
  return {
    id: '665f1c2e9b1e8a0012345678',
    title: 'Floor A, row 3',
    price: 12_500,
    currency: 'usd',
    description: '',
    eventId: 'vvG1OMw20GdtWRW4',
    userId: ME.id,
    sellerId: ME.id,
    status: 'available',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    serialNumber: 'SEC1-ROW3-1',
    ...over,
  };
}
