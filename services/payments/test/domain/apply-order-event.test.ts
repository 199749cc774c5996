import { Envelope, EventData } from '@bigtix/common';
import { RetryLaterError, makeEnvelope } from '@bigtix/middleware';
import { Isolation, fakeUser, isolate } from '@bigtix/testkit';
import mongoose, { Connection } from 'mongoose';
import { applyOrderChange, applyOrderCreated } from '../../src/domain/apply-order-event';
import { OrderReplicaStore, orderReplicaStore } from '../../src/models/order-replica';
import { newOrder } from '../support/harness';

describe('order replica: the version rule', () => {
  let iso: Isolation;
  let db: Connection;
  let store: OrderReplicaStore;

  beforeAll(async () => {
    iso = isolate('payreplica');
    db = await mongoose.createConnection(iso.mongoUrl('payments')).asPromise();
    store = orderReplicaStore(db);
  });
  afterAll(async () => {
    await db?.close();
    await iso?.cleanup();
  });

  const created = (order = newOrder(fakeUser())) => makeEnvelope('order.created', 1, 'orders', order);
  const updated = (
    order: EventData<'order.created'>,
    version: number,
    status: 'created' | 'awaiting:payment' = 'awaiting:payment',
  ) => makeEnvelope('order.updated', version, 'orders', { ...order, status, version });
  const cancelled = (order: EventData<'order.created'>, version: number): Envelope<EventData<'order.cancelled'>> =>
    makeEnvelope('order.cancelled', version, 'orders', {
      id: order.id,
      userId: order.userId,
      status: 'expired',
      reason: 'expired',
      tickets: order.tickets,
      version,
    });

  it('creates the replica from order.created (v1) once; a redelivery is a duplicate', async () => {
    const event = created();
    await expect(applyOrderCreated(store, event)).resolves.toBe('applied');
    await expect(applyOrderCreated(store, { ...event, id: 'redelivered' })).resolves.toBe('duplicate');
    expect(await store.findById(event.data.id)).toMatchObject({
      version: 1,
      status: 'created',
      total: event.data.total,
      userId: event.data.userId,
    });
  });

  it('applies exactly the next version, and treats older or equal versions as duplicates', async () => {
    const event = created();
    await applyOrderCreated(store, event);
    await expect(applyOrderChange(store, updated(event.data, 2))).resolves.toBe('applied');
    await expect(applyOrderChange(store, updated(event.data, 2, 'created'))).resolves.toBe('duplicate');
    await expect(applyOrderChange(store, updated(event.data, 1, 'created'))).resolves.toBe('duplicate');
    expect(await store.findById(event.data.id)).toMatchObject({ version: 2, status: 'awaiting:payment' });
  });

  it('retries a version gap later and applies it once the missing version arrived', async () => {
    const event = created();
    await applyOrderCreated(store, event);
    await expect(applyOrderChange(store, cancelled(event.data, 3))).rejects.toBeInstanceOf(RetryLaterError);
    expect(await store.findById(event.data.id)).toMatchObject({ version: 1, status: 'created' });
    await applyOrderChange(store, updated(event.data, 2));
    await expect(applyOrderChange(store, cancelled(event.data, 3))).resolves.toBe('applied');
    // order.cancelled carries no expiresAt/total: the replica keeps what it knew.
    expect(await store.findById(event.data.id)).toMatchObject({
      version: 3,
      status: 'expired',
      total: event.data.total,
      expiresAt: event.data.expiresAt,
    });
  });

  it('retries an update for an order it has not seen yet', async () => {
    const order = newOrder(fakeUser());
    await expect(applyOrderChange(store, updated(order, 2))).rejects.toBeInstanceOf(RetryLaterError);
  });

  it('applies a version once when it is delivered many times at once', async () => {
    const event = created();
    const creations = await Promise.all(Array.from({ length: 5 }, () => applyOrderCreated(store, event)));
    expect(creations.filter((o) => o === 'applied')).toHaveLength(1);
    const paid = makeEnvelope('order.paid', 2, 'orders', {
      id: event.data.id,
      userId: event.data.userId,
      status: 'paid',
      tickets: event.data.tickets,
      total: event.data.total,
      currency: 'usd',
      paymentIntentId: 'pi_123',
      version: 2,
    });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => applyOrderChange(store, paid)));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(await store.findById(event.data.id)).toMatchObject({
      version: 2,
      status: 'paid',
      paymentIntentId: 'pi_123',
    });
  });
  it('leaves no outbox record behind: a version is claimed in order_versions, and nothing waits for the relay', async () => {
    const event = created();
    await applyOrderCreated(store, event);
    await applyOrderChange(store, updated(event.data, 2));
    await applyOrderChange(store, cancelled(event.data, 3));
    expect(await db.collection('order_changes').countDocuments({ aggregateId: event.data.id })).toBe(0);
    // In version order: a find without a sort returns the database's natural order, which varies.
    const claims = (await db.collection('order_versions').find({ aggregateId: event.data.id }).toArray()).sort(
      (a, b) => a.version - b.version,
    );
    // Version 1 is decided by its insert; each later one by its claim, which is no outbox record.
    expect(claims.map((c) => [c._id, c.state.status, 'pending' in c])).toEqual([
      [`${event.data.id}@2`, 'awaiting:payment', false],
      [`${event.data.id}@3`, 'expired', false],
    ]);
  });
});
