import { intFromEnv } from '@bigtix/middleware';

export interface AuthConfig {
  sessionTtlSeconds: number;
  cliTokenTtlSeconds: number;
  /**
   * Failed sign-in and token attempts allowed per email *and client IP* in one window (guessing
   * one account's password). Keyed by both, so nobody can lock an owner out from elsewhere.
   */
  loginAttemptsPerWindow: number;
  /** All attempts allowed per client IP in one window (credential stuffing across accounts). */
  loginAttemptsPerIpPerWindow: number;
  loginWindowSeconds: number;
  /** Accounts one client IP may create per window (each costs a 16 MB scrypt hash). */
  signupsPerIpPerWindow: number;
  signupWindowSeconds: number;
  /** How long an emailed password reset link works. */
  resetTokenTtlSeconds: number;
  /** Reset emails asked for per client IP, and per email address, in one window. */
  resetsPerIpPerWindow: number;
  resetsPerEmailPerWindow: number;
  /** Verification emails (re)sent per user in one window. */
  verificationsPerUserPerWindow: number;
  emailWindowSeconds: number;
  verifyTokenTtlSeconds: number;
}

export function readAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return {
    sessionTtlSeconds: intFromEnv(env.SESSION_TTL_SECONDS, 7 * 24 * 3600),
    cliTokenTtlSeconds: intFromEnv(env.CLI_TOKEN_TTL_SECONDS, 30 * 24 * 3600),
    loginAttemptsPerWindow: intFromEnv(env.LOGIN_RATE_LIMIT, 10),
    loginAttemptsPerIpPerWindow: intFromEnv(env.LOGIN_RATE_LIMIT_PER_IP, 100),
    loginWindowSeconds: intFromEnv(env.LOGIN_RATE_WINDOW_SECONDS, 60),
    signupsPerIpPerWindow: intFromEnv(env.SIGNUP_RATE_LIMIT_PER_IP, 20),
    signupWindowSeconds: intFromEnv(env.SIGNUP_RATE_WINDOW_SECONDS, 3600),
    resetTokenTtlSeconds: intFromEnv(env.RESET_TOKEN_TTL_SECONDS, 30 * 60),
    resetsPerIpPerWindow: intFromEnv(env.RESET_RATE_LIMIT_PER_IP, 20),
    resetsPerEmailPerWindow: intFromEnv(env.RESET_RATE_LIMIT_PER_EMAIL, 5),
    verificationsPerUserPerWindow: intFromEnv(env.VERIFY_RESEND_RATE_LIMIT, 5),
    emailWindowSeconds: intFromEnv(env.EMAIL_RATE_WINDOW_SECONDS, 3600),
    verifyTokenTtlSeconds: intFromEnv(env.VERIFY_TOKEN_TTL_SECONDS, 7 * 24 * 3600),
  };
}
