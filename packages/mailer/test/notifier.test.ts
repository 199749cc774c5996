import { createLogger } from '@bigtix/middleware';
import { isolate, waitFor } from '@bigtix/testkit';
import { Db, MongoClient } from 'mongodb';
import { Email, MailTransport, Notifier, createMailer, createNotifier } from '../src';

/**
 * The notifier against the real database (FerretDB), with a transport that records what it is
 * given: an email due before its recipient's address arrives is never lost nor sent twice,
 * whichever of `notify` and `user.registered` comes first or whether they run at the same time.
 */
const iso = isolate('notifier');
let client: MongoClient;
let db: Db;
const sent: Email[] = [];
const transport: MailTransport = {
  async send(email) {
    sent.push(email);
  },
  close: () => undefined,
};
let notifier: Notifier;

beforeAll(async () => {
  client = await MongoClient.connect(iso.mongoUrl('notifier'));
  db = client.db();
  const logger = createLogger('notifier-test', 'silent');
  const mailer = await createMailer({ NODE_ENV: 'test', PUBLIC_URL: 'https://bigtix.example' }, db, logger, {
    transport,
  });
  notifier = await createNotifier(mailer, db, logger);
});
afterAll(async () => {
  await notifier.mailer.worker().stop();
  await client.close();
  await iso.cleanup();
});

const content = { subject: 'Your tickets', paragraphs: ['Seat 1'], action: { label: 'See', path: '/orders/o1' } };
let n = 0;
const user = () => ({ id: `u${++n}-${iso.id}`, email: `person${n}-${iso.id}@example.test` });
const sentTo = (address: string) => sent.filter((e) => e.to === address);

it('sends at once to a known address, once per fact', async () => {
  const u = user();
  await notifier.remember(u.id, u.email);
  expect(await notifier.notify(`receipt:${u.id}`, u.id, content)).toBe('enqueued');
  expect(await notifier.notify(`receipt:${u.id}`, u.id, content)).toBe('already-sent');
  await waitFor(() => sentTo(u.email).length === 1, { what: 'the email sent' });
  expect(sentTo(u.email)[0]).toMatchObject({ subject: 'Your tickets', text: expect.stringContaining('Seat 1') });
});

it('keeps an email for an unknown address and sends it when the address arrives, once however often it does', async () => {
  const u = user();
  expect(await notifier.notify(`receipt:${u.id}`, u.id, content)).toBe('awaiting-address');
  expect(await notifier.notify(`receipt:${u.id}`, u.id, content)).toBe('awaiting-address');
  expect((await notifier.pendingFor(u.id)).map((p) => p._id)).toEqual([`receipt:${u.id}`]);
  await Promise.all([notifier.remember(u.id, u.email), notifier.remember(u.id, u.email)]);
  await waitFor(() => sentTo(u.email).length === 1, { what: 'the waiting email sent' });
  expect(await notifier.pendingFor(u.id)).toEqual([]);
  expect(await notifier.notify(`receipt:${u.id}`, u.id, content)).toBe('already-sent');
});

it('loses and repeats nothing when notifications and the address arrive at the same moment', async () => {
  const users = Array.from({ length: 12 }, user);
  await Promise.all(
    users.flatMap((u, i) => {
      const notifies = [0, 1, 2].map((k) => () => notifier.notify(`fact:${u.id}:${k % 2}`, u.id, content));
      const remember = () => notifier.remember(u.id, u.email);
      // The address first, last or in the middle, per user.
      const order =
        i % 3 === 0
          ? [remember, ...notifies]
          : i % 3 === 1
            ? [...notifies, remember]
            : [notifies[0], remember, notifies[1], notifies[2]];
      return order.map((f) => f());
    }),
  );
  for (const u of users) {
    await waitFor(() => sentTo(u.email).length === 2, { what: `two emails to ${u.email}` });
    expect(await notifier.pendingFor(u.id)).toEqual([]);
  }
  // Nothing more arrives later: every email is stored once, under its fact.
  expect(await db.collection('emails').countDocuments({ _id: { $regex: `^fact:u.*-${iso.id}:` } as never })).toBe(24);
  for (const u of users) expect(sentTo(u.email)).toHaveLength(2);
});
