import request from 'supertest';
import { Harness, confirmationToken, fakeUser, newOrder, startHarness, waitForReplica } from '../support/harness';

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
});
