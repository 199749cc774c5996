import type { StoredConfig } from './config-store';

export const DEFAULT_API_URL = 'http://localhost:3000';

export interface Settings {
  apiUrl: string;
  token: string | undefined;
  /** Where the token came from, for `whoami` and error messages. */
  tokenSource: 'env' | 'config' | 'none';
}

/**
 * `--api-url` beats BIGTIX_API_URL beats the URL saved at login beats the default;
 * BIGTIX_TOKEN beats the saved token.
 */
export function resolveSettings(flags: { apiUrl?: string }, env: NodeJS.ProcessEnv, stored: StoredConfig): Settings {
  const apiUrl = (flags.apiUrl || env.BIGTIX_API_URL || stored.apiUrl || DEFAULT_API_URL).replace(/\/+$/, '');
  if (env.BIGTIX_TOKEN) return { apiUrl, token: env.BIGTIX_TOKEN, tokenSource: 'env' };
  // A saved token is sent only to the server that issued it, never to another --api-url.
  if (stored.token && (!stored.apiUrl || stored.apiUrl.replace(/\/+$/, '') === apiUrl))
    return { apiUrl, token: stored.token, tokenSource: 'config' };
  return { apiUrl, token: undefined, tokenSource: 'none' };
}
