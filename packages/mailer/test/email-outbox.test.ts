import { createLogger } from '@bigtix/middleware';
import { RunningMailpit, isolate, startMailpit, waitFor } from '@bigtix/testkit';
import { Db, MongoClient } from 'mongodb';
import { Email, EmailOutbox, MailTransport, createMailer, readMailConfig, smtpTransport } from '../src';

const iso = isolate('mailer');
let mailpit: RunningMailpit;
let client: MongoClient;
let db: Db;
const logger = createLogger('mailer-test', 'silent');

beforeAll(async () => {
  mailpit = await startMailpit();
  client = await MongoClient.connect(iso.mongoUrl('mailer'));
  db = client.db();
});
afterAll(async () => {
  await client.close();
  await mailpit.stop();
  await iso.cleanup();
});

let n = 0;
const address = () => `person${++n}-${iso.id}@example.test`;

describe('Mailer over real SMTP (Mailpit)', () => {
  it('sends text and HTML with an absolute link back to the PWA', async () => {
    const mailer = await createMailer(
      { NODE_ENV: 'test', SMTP_URL: mailpit.smtpUrl, PUBLIC_URL: 'https://bigtix.example/' },
      db,
      logger,
    );
    const to = address();
    const { created } = await mailer.send(`hello:${to}`, {
      to,
      subject: 'Hello <there>',
      paragraphs: ['Line one & two.'],
      action: { label: 'Open BigTix', path: '/my/tickets' },
    });
    expect(created).toBe(true);
    const mail = await mailpit.waitForMessage(to, /^Hello <there>$/);
    expect(mail.Text).toContain('Line one & two.');
    expect(mail.Text).toContain('Open BigTix: https://bigtix.example/my/tickets');
    expect(mail.HTML).toContain('Line one &amp; two.');
    expect(mail.HTML).toContain('<a href="https://bigtix.example/my/tickets">Open BigTix</a>');
    await waitFor(async () => (await mailer.outbox.find(`hello:${to}`))?.sentAt, { what: 'the email marked sent' });
    await mailer.outbox.worker().stop();
  });

  it('sends one email per fact however often (and however concurrently) the fact is told', async () => {
    const outbox = new EmailOutbox(db, smtpTransport(mailpit.smtpUrl, 'BigTix <no-reply@bigtix.dev>'), logger);
    await outbox.ensureIndexes();
    const to = address();
    const email: Email = { to, subject: 'Once', text: 'once', html: '<p>once</p>' };
    const results = await Promise.all(Array.from({ length: 8 }, () => outbox.enqueue(`once:${to}`, email)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    await mailpit.waitForMessage(to, /^Once$/);
    await waitFor(async () => (await outbox.find(`once:${to}`))?.sentAt, { what: 'marked sent' });
    expect(await outbox.enqueue(`once:${to}`, email)).toEqual({ created: false });
    await outbox.worker().runOnce();
    expect(await mailpit.messagesTo(to)).toHaveLength(1);
    await outbox.worker().stop();
  });

  it('retries an email the SMTP server did not take, from the worker, and sends it once', async () => {
    let up = false;
    const real = smtpTransport(mailpit.smtpUrl, 'BigTix <no-reply@bigtix.dev>');
    const flaky: MailTransport = {
      send: (email) => (up ? real.send(email) : Promise.reject(new Error('connection refused'))),
      close: () => real.close(),
    };
    // A 200 ms slot: the worker may retry an email 200 ms old, in the first 100 ms of a slot.
    const outbox = new EmailOutbox(db, flaky, logger, { leaseMs: 200, intervalMs: 20 });
    await outbox.ensureIndexes();
    const to = address();
    await outbox.enqueue(`retry:${to}`, { to, subject: 'Retried', text: 'x', html: '<p>x</p>' });
    await waitFor(async () => ((await outbox.find(`retry:${to}`))?.attempts ?? 0) >= 1, { what: 'a failed attempt' });
    expect((await outbox.find(`retry:${to}`))?.lastError).toBe('connection refused');
    up = true;
    const worker = outbox.worker();
    worker.start();
    await mailpit.waitForMessage(to, /^Retried$/);
    await waitFor(async () => (await outbox.find(`retry:${to}`))?.sentAt, { what: 'marked sent' });
    await worker.stop();
    expect(await mailpit.messagesTo(to)).toHaveLength(1);
  });
});

describe('readMailConfig', () => {
  it('falls back to the local Mailpit only on a developer machine or a test run', () => {
    expect(readMailConfig({ NODE_ENV: 'development' }).smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(() => readMailConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://x.example' })).toThrow(/SMTP_URL/);
    expect(() => readMailConfig({ PUBLIC_URL: 'https://x.example' })).toThrow(/SMTP_URL/);
    expect(() => readMailConfig({ NODE_ENV: 'staging', SMTP_URL: 'smtp://mail:25' })).toThrow(/PUBLIC_URL/);
    expect(
      readMailConfig({ NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail:465', PUBLIC_URL: 'https://x.example/' }),
    ).toMatchObject({
      smtpUrl: 'smtps://u:p@mail:465',
      publicUrl: 'https://x.example',
    });
  });
});
