import { SESSION_COOKIE, UserDto, credentialsSchema, signinSchema } from '@bigtix/common';
import { RateLimits, Router, parseBody, requireUser, signUserToken } from '@bigtix/middleware';
import type { Context } from 'koa';
import type { AuthConfig } from '../config';
import { SignInLimits } from '../domain/sign-in-limits';
import type { Tokens } from '../domain/tokens';
import { signUp } from '../domain/sign-up';
import { verifyCredentials } from '../domain/verify-credentials';
import type { UserModel } from '../models/user';

export interface UsersRouterDeps {
  users: UserModel;
  jwtSecret: string;
  secureCookies: boolean;
  config: AuthConfig;
  limits: RateLimits;
  tokens: Tokens;
}

export function usersRouter({ users, jwtSecret, secureCookies, config, limits, tokens }: UsersRouterDeps): Router {
  const router = new Router({ prefix: '/api/users' });
  const signIn = new SignInLimits(limits, config);
  const signUps = limits.limit('signup-ip', {
    points: config.signupsPerIpPerWindow,
    durationSeconds: config.signupWindowSeconds,
    message: 'Too many accounts created from this address; try again later',
  });
  const checkCredentials = async (ctx: Context, email: string, password: string) => {
    await signIn.admit(email, ctx.ip);
    try {
      const user = await verifyCredentials(users, email, password);
      await signIn.record(email, ctx.ip, true);
      return user;
    } catch (err) {
      await signIn.record(email, ctx.ip, false);
      throw err;
    }
  };

  const setSession = async (ctx: Context, user: UserDto) => {
    const issued = signUserToken(user, jwtSecret, 'session', config.sessionTtlSeconds);
    await tokens.record(user, 'session', issued);
    const { token } = issued;
    ctx.cookies.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: config.sessionTtlSeconds * 1000,
      path: '/',
    });
  };

  router.post('/signup', async (ctx) => {
    const credentials = parseBody(ctx, credentialsSchema);
    await signUps.hit(ctx.ip);
    const user = await signUp(users, credentials);
    await setSession(ctx, user);
    ctx.status = 201;
    ctx.body = user;
  });

  router.post('/signin', async (ctx) => {
    const { email, password } = parseBody(ctx, signinSchema);
    const user = await checkCredentials(ctx, email, password);
    await setSession(ctx, user);
    ctx.body = user;
  });

  // Revokes the session (cookie) or CLI token (bearer, `bigtix logout`) it was called with, so a
  // copy of it stops working everywhere, then clears the cookie.
  router.post('/signout', async (ctx) => {
    const current = ctx.state.currentToken;
    if (current) await tokens.revoke(current.id, current.expiresAt);
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' });
    ctx.status = 204;
  });

  router.get('/currentuser', (ctx) => {
    ctx.body = { currentUser: ctx.state.currentUser ?? null };
  });

  router.post('/tokens', async (ctx) => {
    const { email, password } = parseBody(ctx, signinSchema);
    const user = await checkCredentials(ctx, email, password);
    const issued = signUserToken(user, jwtSecret, 'cli', config.cliTokenTtlSeconds);
    await tokens.record(user, 'cli', issued);
    ctx.status = 201;
    ctx.body = { token: issued.token, id: issued.id, expiresAt: issued.expiresAt.toISOString() };
  });

  router.get('/tokens', async (ctx) => {
    const user = requireUser(ctx);
    ctx.body = { items: await tokens.listCli(user, ctx.state.currentToken?.id ?? null), nextCursor: null };
  });

  router.delete('/tokens/:id', async (ctx) => {
    await tokens.revokeOwn(requireUser(ctx), ctx.params.id);
    ctx.status = 204;
  });

  return router;
}
