import { RunningService, startService } from '@bigtix/middleware';
import { MailMessage, RunningMailpit, isolate, startMailpit, waitFor } from '@bigtix/testkit';
import request from 'supertest';
import { authService } from '../../src/service';

/**
 * Password change, password reset and email verification over real HTTP, with the email going
 * through real SMTP into a Mailpit of this file: each test follows the link in the email it
 * reads back from Mailpit's API, as a person would.
 */
const iso = isolate('authmail');
let auth: RunningService;
let mailpit: RunningMailpit;

beforeAll(async () => {
  mailpit = await startMailpit();
  auth = await startService(
    authService,
    iso.env('auth', {
      SMTP_URL: mailpit.smtpUrl,
      PUBLIC_URL: 'https://bigtix.example',
      RESET_RATE_LIMIT_PER_EMAIL: '3',
    }),
  );
});
afterAll(async () => {
  await auth.stop();
  await mailpit.stop();
  await iso.cleanup();
});

let n = 0;
const email = () => `mail${++n}-${iso.id}@example.test`;
const PASSWORD = 'password123';

async function signUp(address = email()) {
  const agent = request.agent(auth.url);
  const res = await agent.post('/api/users/signup').send({ email: address, password: PASSWORD });
  expect(res.status).toBe(201);
  return { agent, address, id: res.body.id as string };
}

const signIn = (address: string, password: string) =>
  request(auth.url).post('/api/users/signin').send({ email: address, password });

/** The token of the link in an email: `https://bigtix.example/<path>?token=…`. */
function linkToken(mail: MailMessage, path: string): string {
  const match = new RegExp(`https://bigtix\\.example${path}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.Text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.Text}`);
  expect(mail.HTML).toContain(`href="https://bigtix.example${path}?token=${match[1]}"`);
  return decodeURIComponent(match[1]);
}

async function resetLink(address: string): Promise<string> {
  const before = (await mailpit.messagesTo(address)).filter((m) => /Reset your/.test(m.Subject)).length;
  const res = await request(auth.url).post('/api/users/password-reset').send({ email: address });
  expect(res.status).toBe(202);
  const mails = await waitFor(
    async () => {
      const resets = (await mailpit.messagesTo(address)).filter((m) => /Reset your/.test(m.Subject));
      return resets.length > before ? resets : undefined;
    },
    { what: `a reset email to ${address}` },
  );
  return linkToken(mails[0], '/reset-password');
}

describe('PUT /api/users/password', () => {
  it('changes the password, keeps this session and revokes every other session and CLI token', async () => {
    const { agent, address } = await signUp();
    const other = request.agent(auth.url);
    await other.post('/api/users/signin').send({ email: address, password: PASSWORD }).expect(200);
    const cli = await request(auth.url).post('/api/users/tokens').send({ email: address, password: PASSWORD });
    const bearer = `Bearer ${cli.body.token}`;

    const res = await agent
      .put('/api/users/password')
      .send({ currentPassword: PASSWORD, newPassword: 'a new password' });
    expect(res.status).toBe(200);
    expect(res.body.revokedSessions).toBe(2);

    expect((await agent.get('/api/users/currentuser')).body.currentUser?.email).toBe(address);
    expect((await other.get('/api/users/currentuser')).body.currentUser).toBeNull();
    expect((await request(auth.url).get('/api/users/tokens').set('authorization', bearer)).status).toBe(401);
    expect((await signIn(address, PASSWORD)).status).toBe(401);
    expect((await signIn(address, 'a new password')).status).toBe(200);
  });

  it('refuses a wrong current password (400, naming the field) and a weak new one, changing nothing', async () => {
    const { agent, address } = await signUp();
    const wrong = await agent
      .put('/api/users/password')
      .send({ currentPassword: 'not it', newPassword: 'another one' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toEqual({ message: 'The current password is wrong', field: 'currentPassword' });
    const weak = await agent.put('/api/users/password').send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]).toMatchObject({ field: 'newPassword' });
    expect((await signIn(address, PASSWORD)).status).toBe(200);
    expect((await agent.get('/api/users/currentuser')).body.currentUser?.email).toBe(address);
  });

  it('needs a signed-in caller', async () => {
    const res = await request(auth.url)
      .put('/api/users/password')
      .send({ currentPassword: PASSWORD, newPassword: 'another one' });
    expect(res.status).toBe(401);
  });
});

describe('password reset by email', () => {
  it('emails a link that sets a new password once and signs the account out everywhere', async () => {
    const { agent, address } = await signUp();
    const token = await resetLink(address);

    const res = await request(auth.url)
      .post('/api/users/password-reset/confirm')
      .send({ token, newPassword: 'reset password 1' });
    expect(res.status).toBe(200);
    expect((await agent.get('/api/users/currentuser')).body.currentUser).toBeNull();
    expect((await signIn(address, PASSWORD)).status).toBe(401);
    expect((await signIn(address, 'reset password 1')).status).toBe(200);

    const again = await request(auth.url)
      .post('/api/users/password-reset/confirm')
      .send({ token, newPassword: 'reset password 2' });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].message).toMatch(/already been used/);
    expect((await signIn(address, 'reset password 1')).status).toBe(200);
  });

  it('lets exactly one of two concurrent confirms of one link win', async () => {
    const { address } = await signUp();
    const token = await resetLink(address);
    const [a, b] = await Promise.all(
      ['first password', 'second password'].map((newPassword) =>
        request(auth.url).post('/api/users/password-reset/confirm').send({ token, newPassword }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    const winner = a.status === 200 ? 'first password' : 'second password';
    const loser = a.status === 200 ? 'second password' : 'first password';
    expect((a.status === 400 ? a : b).body.errors[0].message).toMatch(/already been used/);
    expect((await signIn(address, winner)).status).toBe(200);
    expect((await signIn(address, loser)).status).toBe(401);
  });

  it('answers an unknown address exactly as a known one and sends it nothing', async () => {
    const { address } = await signUp();
    const unknown = `nobody-${address}`;
    const known = await request(auth.url).post('/api/users/password-reset').send({ email: address });
    const none = await request(auth.url).post('/api/users/password-reset').send({ email: unknown });
    expect(none.status).toBe(known.status);
    expect(none.status).toBe(202);
    expect(none.body).toEqual(known.body);
    await mailpit.waitForMessage(address, /Reset your/);
    expect(await mailpit.messagesTo(unknown)).toEqual([]);
  });

  it('refuses an expired link and a made-up one with a clear message', async () => {
    const { address } = await signUp();
    const token = await resetLink(address);
    const resets = auth.ctx.db.collection('password_resets');
    await resets.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await request(auth.url)
      .post('/api/users/password-reset/confirm')
      .send({ token, newPassword: 'too late now' });
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].message).toMatch(/expired/);
    const madeUp = await request(auth.url)
      .post('/api/users/password-reset/confirm')
      .send({ token: 'not-a-token', newPassword: 'whatever 123' });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.errors[0].message).toMatch(/not valid/);
    expect((await signIn(address, PASSWORD)).status).toBe(200);
  });

  it('stores only the hash of the link token, and drops the email body once sent', async () => {
    const { address } = await signUp();
    const token = await resetLink(address);
    const db = auth.ctx.db;
    expect(await db.collection('password_resets').findOne({ _id: token as never })).toBeNull();
    const sent = await waitFor(
      async () => {
        const docs = await db.collection('emails').find({ to: address, subject: /Reset/ }).toArray();
        return docs.find((d) => d.sentAt);
      },
      { what: 'the reset email marked sent' },
    );
    expect(JSON.stringify(sent)).not.toContain(token);
  });

  it('limits reset requests per address (429 with Retry-After), account or not', async () => {
    const address = `limited-${email()}`;
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await request(auth.url).post('/api/users/password-reset').send({ email: address });
      statuses.push(res.status);
      retryAfter ??= res.headers['retry-after'];
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('email verification', () => {
  it('emails a link at sign-up; the link verifies the address and auth announces it once', async () => {
    const { agent, address, id } = await signUp();
    expect((await agent.get('/api/users/currentuser')).body.currentUser).toMatchObject({ emailVerified: false });
    const mail = await mailpit.waitForMessage(address, /Confirm your email/);
    const token = linkToken(mail, '/verify-email');

    for (let i = 0; i < 2; i++) {
      const res = await request(auth.url).post('/api/users/verify-email').send({ token });
      expect(res.status).toBe(200);
    }
    expect((await agent.get('/api/users/currentuser')).body.currentUser).toEqual({
      id,
      email: address,
      emailVerified: true,
    });
    const events = await auth.ctx.db
      .collection('user_events')
      .find({ _id: `email-verified:${id}` as never })
      .toArray();
    expect(events).toHaveLength(1);
    expect(events[0].events[0]).toMatchObject({ type: 'user.email-verified', data: { userId: id } });
    await waitFor(
      async () => (await auth.ctx.db.collection('user_events').findOne({ _id: events[0]._id }))?.publishedAt,
      {
        what: 'the event published',
      },
    );
  });

  it('resends a link (once per click, rate-limited), and says so once verified', async () => {
    const { agent, address } = await signUp();
    await mailpit.waitForMessage(address, /Confirm your email/);
    const resend = await agent.post('/api/users/verify-email/resend');
    expect(resend.status).toBe(202);
    const mails = await waitFor(
      async () => {
        const all = await mailpit.messagesTo(address);
        return all.length === 2 ? all : undefined;
      },
      { what: 'the second confirmation email' },
    );
    const token = linkToken(mails[0], '/verify-email');
    expect((await request(auth.url).post('/api/users/verify-email').send({ token })).status).toBe(200);
    const after = await agent.post('/api/users/verify-email/resend');
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ emailVerified: true });
    expect((await request(auth.url).post('/api/users/verify-email/resend')).status).toBe(401);
  });

  it('refuses a made-up verification token', async () => {
    const res = await request(auth.url).post('/api/users/verify-email').send({ token: 'made-up' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/not valid/);
  });
});
