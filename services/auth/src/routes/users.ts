import { SESSION_COOKIE, UserDto, credentialsSchema, signinSchema } from '@bigtix/common';
import { RateLimiter, Router, parseBody, signUserToken } from '@bigtix/middleware';
import type { Context } from 'koa';
import type { AuthConfig } from '../config';
import { signUp } from '../domain/sign-up';
import { verifyCredentials } from '../domain/verify-credentials';
import type { UserModel } from '../models/user';

export interface UsersRouterDeps {
  users: UserModel;
  jwtSecret: string;
  secureCookies: boolean;
  config: AuthConfig;
}

export function usersRouter({ users, jwtSecret, secureCookies, config }: UsersRouterDeps): Router {
  const router = new Router({ prefix: '/api/users' });
  const perEmail = new RateLimiter(config.loginAttemptsPerWindow, config.loginWindowSeconds * 1000);
  const perIp = new RateLimiter(config.loginAttemptsPerIpPerWindow, config.loginWindowSeconds * 1000);
  const countAttempt = (ctx: Context, email: string) => {
    perIp.hit(`ip:${ctx.ip}`);
    perEmail.hit(`email:${email}`);
  };

  const setSession = (ctx: Context, user: UserDto) => {
    const { token } = signUserToken(user, jwtSecret, 'session', config.sessionTtlSeconds);
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
    const user = await signUp(users, credentials);
    setSession(ctx, user);
    ctx.status = 201;
    ctx.body = user;
  });

  router.post('/signin', async (ctx) => {
    const { email, password } = parseBody(ctx, signinSchema);
    countAttempt(ctx, email);
    const user = await verifyCredentials(users, email, password);
    setSession(ctx, user);
    ctx.body = user;
  });

  router.post('/signout', (ctx) => {
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' });
    ctx.status = 204;
  });

  router.get('/currentuser', (ctx) => {
    ctx.body = { currentUser: ctx.state.currentUser ?? null };
  });

  router.post('/tokens', async (ctx) => {
    const { email, password } = parseBody(ctx, signinSchema);
    countAttempt(ctx, email);
    const user = await verifyCredentials(users, email, password);
    const { token, expiresAt } = signUserToken(user, jwtSecret, 'cli', config.cliTokenTtlSeconds);
    ctx.status = 201;
    ctx.body = { token, expiresAt: expiresAt.toISOString() };
  });

  return router;
}
