import { intFromEnv } from '@bigtix/middleware';

export interface AuthConfig {
  sessionTtlSeconds: number;
  cliTokenTtlSeconds: number;
  /** Sign-in and token attempts allowed per email in one window (brute force on one account). */
  loginAttemptsPerWindow: number;
  /** Attempts allowed per client IP in one window (credential stuffing across accounts). */
  loginAttemptsPerIpPerWindow: number;
  loginWindowSeconds: number;
}

export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return {
    sessionTtlSeconds: intFromEnv(env.SESSION_TTL_SECONDS, 7 * 24 * 3600),
    cliTokenTtlSeconds: intFromEnv(env.CLI_TOKEN_TTL_SECONDS, 30 * 24 * 3600),
    loginAttemptsPerWindow: intFromEnv(env.LOGIN_RATE_LIMIT, 10),
    loginAttemptsPerIpPerWindow: intFromEnv(env.LOGIN_RATE_LIMIT_PER_IP, 100),
    loginWindowSeconds: intFromEnv(env.LOGIN_RATE_WINDOW_SECONDS, 60),
  };
}
