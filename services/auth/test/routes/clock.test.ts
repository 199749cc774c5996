import { RunningService, startService } from '@bigtix/middleware';
import { MailMessage, RunningMailpit, isolate, startMailpit } from '@bigtix/testkit';
import request from 'supertest';
import { makeAuthService } from '../../src/service';

/**
 * Links and tokens expire by the service's clock (`AuthDeps.now`), not by the machine's: the
 * test moves that clock past a lifetime instead of waiting it out, and back to show that only
 * the clock decided.
 */
const iso = isolate('authclock');
const LINK_TTL_SECONDS = 600;
let offsetMs = 0;
let auth: RunningService;
let mailpit: RunningMailpit;

beforeAll(async () => {
  mailpit = await startMailpit();
  auth = await startService(
    makeAuthService({ now: () => Date.now() + offsetMs }),
    iso.env('auth', {
      SMTP_URL: mailpit.smtpUrl,
      PUBLIC_URL: 'https://bigtix.example',
      RESET_TOKEN_TTL_SECONDS: String(LINK_TTL_SECONDS),
      VERIFY_TOKEN_TTL_SECONDS: String(LINK_TTL_SECONDS),
    }),
  );
});
afterAll(async () => {
  await auth.stop();
  await mailpit.stop();
  await iso.cleanup();
});
beforeEach(() => {
  offsetMs = 0;
});

let n = 0;
const PASSWORD = 'password123';
const justBefore = (seconds: number) => (seconds - 5) * 1000;
const justAfter = (seconds: number) => (seconds + 5) * 1000;

async function signUp() {
  const address = `clock${++n}-${iso.id}@example.test`;
  const agent = request.agent(auth.url);
  await agent.post('/api/users/signup').send({ email: address, password: PASSWORD }).expect(201);
  return { agent, address };
}

async function linkIn(address: string, subject: RegExp, path: string): Promise<string> {
  const mail: MailMessage = await mailpit.waitForMessage(address, subject);
  const match = new RegExp(`https://bigtix\\.example${path}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.Text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.Text}`);
  return decodeURIComponent(match[1]);
}

it('a verification link works until its lifetime has passed on the service clock', async () => {
  const { address } = await signUp();
  const token = await linkIn(address, /Confirm your email/, '/verify-email');
  offsetMs = justBefore(LINK_TTL_SECONDS);
  expect((await request(auth.url).post('/api/users/verify-email').send({ token })).status).toBe(200);
  offsetMs = justAfter(LINK_TTL_SECONDS);
  const late = await request(auth.url).post('/api/users/verify-email').send({ token });
  expect(late.status).toBe(400);
  expect(late.body.errors[0].message).toMatch(/expired/);
});

it('a password reset link is refused once its lifetime has passed on the service clock', async () => {
  const { address } = await signUp();
  await request(auth.url).post('/api/users/password-reset').send({ email: address }).expect(202);
  const token = await linkIn(address, /Reset your/, '/reset-password');
  offsetMs = justAfter(LINK_TTL_SECONDS);
  const late = await request(auth.url)
    .post('/api/users/password-reset/confirm')
    .send({ token, newPassword: 'too late now' });
  expect(late.status).toBe(400);
  expect(late.body.errors[0].message).toMatch(/expired/);
  // Nothing was used up: at a time inside its lifetime the same link still works.
  offsetMs = justBefore(LINK_TTL_SECONDS);
  await request(auth.url)
    .post('/api/users/password-reset/confirm')
    .send({ token, newPassword: 'in time 123' })
    .expect(200);
});

it('lists a CLI token until the service clock passes its expiry', async () => {
  const { agent, address } = await signUp();
  const cli = await request(auth.url).post('/api/users/tokens').send({ email: address, password: PASSWORD });
  expect(cli.status).toBe(201);
  const lifetimeMs = new Date(cli.body.expiresAt).getTime() - Date.now();
  const listed = async () =>
    ((await agent.get('/api/users/tokens').expect(200)).body.items as { id: string }[]).map((t) => t.id);
  expect(await listed()).toEqual([cli.body.id]);
  offsetMs = lifetimeMs - 60_000;
  expect(await listed()).toEqual([cli.body.id]);
  offsetMs = lifetimeMs + 60_000;
  expect(await listed()).toEqual([]);
});
