import { SESSION_COOKIE, UnauthorizedError, UserDto } from '@bigtix/common';
import type { Context, Middleware } from 'koa';
import { verifyUserToken } from './session-token';

declare module 'koa' {
  interface DefaultState {
    currentUser?: UserDto | null;
    requestId?: string;
  }
}

/** Reads the caller from `Authorization: Bearer` (CLI) or the `session` cookie (browser). */
export function currentUser(secret: string): Middleware {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const token = bearer ?? ctx.cookies.get(SESSION_COOKIE);
    ctx.state.currentUser = token ? verifyUserToken(token, secret) : null;
    return next();
  };
}

/** The signed-in caller, or a 401. */
export function requireUser(ctx: Context): UserDto {
  const user = ctx.state.currentUser;
  if (!user) throw new UnauthorizedError();
  return user;
}
