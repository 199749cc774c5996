import request from 'supertest';
import {
  Harness,
  confirmationToken,
  fakeUser,
  newOrder,
  startHarness,
  waitFor,
  waitForReplica,
} from '../support/harness';

describe('order replica through the bus', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('payrepbus');
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('applies versions in order when the broker delivers them out of order', async () => {
    const buyer = fakeUser();
    const order = newOrder(buyer);
    // v3 and v2 before v1: both wait (RetryLaterError → retry queue) until the versions below them exist.
    await h.publish('order.cancelled', 3, {
      id: order.id,
      userId: buyer.id,
      status: 'cancelled',
      reason: 'cancelled',
      tickets: order.tickets,
      version: 3,
    });
    await h.publish('order.updated', 2, { ...order, status: 'awaiting:payment', version: 2 });
    await h.publish('order.created', 1, order);
    await h.publish('order.created', 1, order);
    await waitForReplica(h, order.id, 3);

    const res = await request(h.url)
      .post('/api/payments/new')
      .set('Authorization', buyer.bearer)
      .send({
        orderId: order.id,
        amount: order.total,
        confirmationTokenId: await confirmationToken(h, 'pm_card_visa'),
      });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].message).toMatch(/cancelled/);
  });
  it('still drains the change records the replica left in order_changes before it was a ReplicaStore', async () => {
    const buyer = fakeUser();
    const order = newOrder(buyer);
    await h.publish('order.created', 1, order);
    await waitForReplica(h, order.id, 1);
    const db = h.service.ctx.db.db!;
    const replica = await db.collection('orders').findOne({ _id: order.id as never });
    // What the VersionedStore wrote for each applied order event: a change with no events, pending.
    const legacy = (version: number, state: object) => ({
      _id: `${order.id}@${version}`,
      aggregateId: order.id,
      version,
      state,
      events: [],
      createdAt: new Date(Date.now() - 60_000),
      publishedAt: null,
      pending: 1,
    });
    await db.collection('order_changes').insertOne(legacy(1, replica!) as never);
    // And one whose writer died between its claim and its write: version 2, never written.
    const v2 = { ...replica!, version: 2, status: 'awaiting:payment' };
    await db.collection('order_changes').insertOne(legacy(2, v2) as never);
    await waitFor(async () => (await db.collection('order_changes').countDocuments({ pending: 1 })) === 0, {
      what: 'the legacy change records drained',
    });
    // The dead writer's version 2 was rolled forward; version 3 then applies on top of it.
    expect(await db.collection('orders').findOne({ _id: order.id as never })).toMatchObject({
      version: 2,
      status: 'awaiting:payment',
    });
    await h.publish('order.updated', 2, { ...order, status: 'awaiting:payment', version: 2 });
    await h.publish('order.updated', 3, { ...order, status: 'created', version: 3 });
    await waitForReplica(h, order.id, 3);
    expect(await db.collection('orders').findOne({ _id: order.id as never })).toMatchObject({ status: 'created' });
    expect(await db.collection('order_changes').countDocuments({ aggregateId: order.id })).toBe(2);
  });
});
