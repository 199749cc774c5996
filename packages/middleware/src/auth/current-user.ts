import { SESSION_COOKIE, UnauthorizedError, UserDto } from '@bigtix/common';
import type { Context, Middleware } from 'koa';
import type { Revocations } from './revocations';
import { VerifiedToken, verifyToken } from './session-token';

declare module 'koa' {
  interface DefaultState {
    currentUser?: UserDto | null;
    /** The token the caller signed in with (its id is what sign-out revokes). */
    currentToken?: VerifiedToken | null;
    requestId?: string;
  }
}

/**
 * Reads the caller from `Authorization: Bearer` (a CLI token) or the `session` cookie (a browser
 * session). A token of the other kind in either place, or a revoked one, is no caller at all.
 */
export function currentUser(secret: string, revocations?: Revocations): Middleware {
  return async (ctx, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const raw = bearer ?? ctx.cookies.get(SESSION_COOKIE);
    let token = raw ? verifyToken(raw, secret) : null;
    if (token && token.kind !== (bearer ? 'cli' : 'session')) token = null;
    if (token && revocations && (await revocations.isRevoked(token.id))) token = null;
    ctx.state.currentToken = token;
    ctx.state.currentUser = token?.user ?? null;
    return next();
  };
}

/** The signed-in caller, or a 401. */
export function requireUser(ctx: Context): UserDto {
  const user = ctx.state.currentUser;
  if (!user) throw new UnauthorizedError();
  return user;
}
