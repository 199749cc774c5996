/**
 * Serial numbers over the whole stack: listing answers the same whether or not another seller
 * listed that serial (no probing), a squatter who listed first does not block the real owner, the
 * first sale withdraws the other copies (which can then no longer be held), and a sold ticket's
 * public views never carry its buyer's id.
 */
import { FIXTURE_IDS } from '@bigtix/fake-ticketmaster';
import { waitFor } from '@bigtix/testkit';
import { Person, newPerson } from '../../src/api-client';
import { confirmationToken } from '../../src/abuse/fixtures';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(90_000);

const EVENT = FIXTURE_IDS.hamiltonNewYork;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

let n = 0;
const nextSerial = () => `SERIAL-${stack.iso.id}-${++n}`;
const listing = (serialNumber: string) => ({ title: 'Row 4', price: 3_000, serialNumber, eventId: EVENT });

/** Everything in a listing answer that could depend on someone else's listings. */
const shape = (res: { status: number; body: Record<string, unknown> }) => ({
  status: res.status,
  keys: Object.keys(res.body).sort(),
  ticketStatus: res.body.status,
  version: res.body.version,
});

async function buy(buyer: Person, ticket: { id: string; price: number }) {
  const order = await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/orders', { tickets: [{ ticketId: ticket.id, price: ticket.price }] });
      if (res.status === 201) return res.body as { id: string; total: number };
      if (res.status !== 404 && res.status !== 409) throw new Error(`hold: ${res.status} ${JSON.stringify(res.body)}`);
      return undefined;
    },
    { what: 'the ticket to be holdable' },
  );
  await waitFor(
    async () => {
      const res = await buyer.call('POST', '/api/payments/new', {
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: await confirmationToken(buyer),
      });
      return res.status === 201;
    },
    { what: 'payments to know the order' },
  );
  await waitFor(async () => (await buyer.call('GET', `/api/tickets/${ticket.id}`)).body?.status === 'sold', {
    what: 'the ticket sold',
    timeoutMs: 30_000,
  });
}

it('answers a serial another seller listed exactly like one nobody listed, single and bulk', async () => {
  const [owner, prober] = [await newPerson(stack.url, 'owner'), await newPerson(stack.url, 'prober')];
  const taken = nextSerial();
  expect((await owner.call('POST', '/api/tickets/create', listing(taken))).status).toBe(201);
  const onTaken = await prober.call('POST', '/api/tickets/create', listing(taken));
  const onFresh = await prober.call('POST', '/api/tickets/create', listing(nextSerial()));
  expect(shape(onTaken)).toEqual(shape(onFresh));
  expect(onTaken.status).toBe(201);

  const takenAgain = nextSerial();
  await owner.call('POST', '/api/tickets/create', listing(takenAgain));
  const bulk = await prober.call('POST', '/api/tickets/create', {
    tickets: [listing(takenAgain), listing(nextSerial())],
  });
  expect(bulk.body).toMatchObject({ created: 2, alreadyListed: 0, failed: 0 });
  // Looking a serial up: another seller's answers exactly like an unknown one.
  const stranger = await newPerson(stack.url, 'stranger');
  const [known, unknown] = [
    await stranger.call('GET', `/api/tickets/serial-number/${encodeURIComponent(taken)}`),
    await stranger.call('GET', `/api/tickets/serial-number/${encodeURIComponent(taken)}-x`),
  ];
  expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
});

it('lets the real owner list a serial a squatter listed first; the sale withdraws the copy', async () => {
  const [squatter, owner, buyer, late] = [
    await newPerson(stack.url, 'squatter'),
    await newPerson(stack.url, 'owner'),
    await newPerson(stack.url, 'buyer'),
    await newPerson(stack.url, 'late-buyer'),
  ];
  const serial = nextSerial();
  const squat = await squatter.call('POST', '/api/tickets/create', listing(serial));
  const real = await owner.call('POST', '/api/tickets/create', listing(serial));
  expect([squat.status, real.status]).toEqual([201, 201]);
  expect(real.body).toMatchObject({ status: 'available', serialNumber: serial });

  await buy(buyer, real.body);
  await waitFor(
    async () => (await squatter.call('GET', `/api/tickets/${squat.body.id}`)).body?.status === 'withdrawn',
    {
      what: 'the copy withdrawn by the sale',
    },
  );
  // Orders learns of it too: the copy cannot be held any more, nor relisted by the squatter.
  await waitFor(
    async () =>
      (await late.call('POST', '/api/orders', { tickets: [{ ticketId: squat.body.id, price: 3_000 }] })).status === 409,
    { what: 'orders to refuse the withdrawn copy' },
  );
  expect((await squatter.call('POST', '/api/tickets/create', listing(serial))).status).toBe(409);
});

it('never shows a sold ticket’s buyer to anyone but the buyer', async () => {
  const [seller, buyer, stranger] = [
    await newPerson(stack.url, 'seller'),
    await newPerson(stack.url, 'buyer'),
    await newPerson(stack.url, 'stranger'),
  ];
  const t = await seller.call('POST', '/api/tickets/create', listing(nextSerial()));
  await buy(buyer, t.body);
  const anonymous = new Person(stack.url, 'nobody@example.test');
  const views = [
    await anonymous.call('GET', `/api/tickets/${t.body.id}`),
    await stranger.call('GET', `/api/tickets/${t.body.id}`),
    await seller.call('GET', `/api/tickets/${t.body.id}`),
    await anonymous.call('GET', `/api/tickets/user/${seller.id}`),
    await seller.call('GET', `/api/tickets/user/${seller.id}?status=sold`),
  ];
  for (const v of views) {
    expect(v.status).toBe(200);
    expect(JSON.stringify(v.body)).not.toContain(buyer.id);
  }
  expect((await buyer.call('GET', `/api/tickets/${t.body.id}`)).body).toMatchObject({ userId: buyer.id });
});
