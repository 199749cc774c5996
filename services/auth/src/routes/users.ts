import {
  BadRequestError,
  CurrentUserDto,
  SESSION_COOKIE,
  UserDto,
  changePasswordSchema,
  credentialsSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  signinSchema,
  verifyEmailSchema,
} from '@bigtix/common';
import { RateLimits, Router, parseBody, requireUser, signUserToken } from '@bigtix/middleware';
import type { Context } from 'koa';
import type { AuthDeps } from '../deps';
import { SignInLimits } from '../domain/sign-in-limits';
import { signUp } from '../domain/sign-up';
import { verifyCredentials } from '../domain/verify-credentials';
import { changePassword } from '../domain/change-password';
import { confirmPasswordReset, requestPasswordReset } from '../domain/password-reset';
import { sendVerification, verifyEmail } from '../domain/email-verification';
import { announceRegistration } from '../domain/registration';

/** What the routes need besides the use cases' deps: how sessions are signed and sent, and the shared limits. */
export interface UsersHttp {
  jwtSecret: string;
  secureCookies: boolean;
  limits: RateLimits;
}

/** The one answer to a reset request, whether or not the address has an account. */
const RESET_REQUESTED = {
  message: 'If an account uses this address, we have emailed it a link to reset the password.',
};

export function usersRouter(deps: AuthDeps, { jwtSecret, secureCookies, limits }: UsersHttp): Router {
  const { users, tokens, config } = deps;
  const router = new Router({ prefix: '/api/users' });
  const signIn = new SignInLimits(limits, config);
  const signUps = limits.limit('signup-ip', {
    points: config.signupsPerIpPerWindow,
    durationSeconds: config.signupWindowSeconds,
    message: 'Too many accounts created from this address; try again later',
  });
  const resetsPerIp = limits.limit('reset-ip', {
    points: config.resetsPerIpPerWindow,
    durationSeconds: config.emailWindowSeconds,
    message: 'Too many password reset requests from this address; try again later',
  });
  // Counted for every address asked about, account or not, so a 429 tells nothing about it.
  const resetsPerEmail = limits.limit('reset-email', {
    points: config.resetsPerEmailPerWindow,
    durationSeconds: config.emailWindowSeconds,
    message: 'Too many password reset requests for this email; try again later',
  });
  const resends = limits.limit('verify-resend', {
    points: config.verificationsPerUserPerWindow,
    durationSeconds: config.emailWindowSeconds,
    message: 'Too many verification emails asked for; try again later',
  });
  const checkCredentials = async (ctx: Context, email: string, password: string) => {
    await signIn.admit(email, ctx.ip);
    let user: UserDto;
    try {
      user = await verifyCredentials(deps, email, password);
      await signIn.record(email, ctx.ip, true);
    } catch (err) {
      await signIn.record(email, ctx.ip, false);
      throw err;
    }
    // Outside the try: it is no failed sign-in. Repairs a sign-up whose announcement a crash lost.
    await announceRegistration(deps, user, new Date(deps.now()));
    return user;
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
    const user = await signUp(deps, credentials);
    await announceRegistration(deps, user, new Date(deps.now()));
    await setSession(ctx, user);
    await sendVerification(deps, user);
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

  router.get('/currentuser', async (ctx) => {
    const current = ctx.state.currentUser;
    if (!current) {
      ctx.body = { currentUser: null };
      return;
    }
    const stored = await users.findById(current.id).lean();
    const currentUser: CurrentUserDto = { ...current, emailVerified: Boolean(stored?.emailVerifiedAt) };
    ctx.body = { currentUser };
  });

  // Needs the current password; every other session and CLI token of the user is revoked.
  router.put('/password', async (ctx) => {
    const user = requireUser(ctx);
    const body = parseBody(ctx, changePasswordSchema);
    await signIn.admit(user.email, ctx.ip);
    try {
      const { revoked } = await changePassword(deps, user, ctx.state.currentToken?.id ?? null, body);
      await signIn.record(user.email, ctx.ip, true);
      ctx.body = { message: 'Password changed; you were signed out everywhere else.', revokedSessions: revoked };
    } catch (err) {
      if (err instanceof BadRequestError) await signIn.record(user.email, ctx.ip, false);
      throw err;
    }
  });

  router.post('/password-reset', async (ctx) => {
    const { email } = parseBody(ctx, passwordResetRequestSchema);
    await resetsPerIp.hit(ctx.ip);
    await resetsPerEmail.hit(email);
    // Not awaited: the answer's timing must not tell whether the address has an account (a
    // known one costs a token and an email record). A failure is logged; the person asks again.
    void requestPasswordReset(deps, email).catch((err: Error) =>
      deps.logger.warn({ err: err.message }, 'password reset request failed'),
    );
    ctx.status = 202;
    ctx.body = RESET_REQUESTED;
  });

  router.post('/password-reset/confirm', async (ctx) => {
    const { token, newPassword } = parseBody(ctx, passwordResetConfirmSchema);
    await confirmPasswordReset(deps, token, newPassword);
    ctx.body = { message: 'Password changed; sign in with the new one.' };
  });

  router.post('/verify-email', async (ctx) => {
    const { token } = parseBody(ctx, verifyEmailSchema);
    await verifyEmail(deps, token);
    ctx.body = { message: 'Email confirmed.', emailVerified: true };
  });

  router.post('/verify-email/resend', async (ctx) => {
    const user = requireUser(ctx);
    const stored = await users.findById(user.id).lean();
    if (stored?.emailVerifiedAt) {
      ctx.body = { message: 'Your email is already confirmed.', emailVerified: true };
      return;
    }
    await resends.hit(user.id);
    await sendVerification(deps, user);
    ctx.status = 202;
    ctx.body = { message: `We have sent a new confirmation link to ${user.email}.`, emailVerified: false };
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
