import { ORDER_STATUSES, OrderStatus } from '@bigtix/common';
import { canMove } from '../../src/models/order';

/** Every move an order may make, written out: anything not here must be refused. */
const ALLOWED: readonly [OrderStatus, OrderStatus][] = [
  ['created', 'awaiting:payment'],
  ['created', 'paid'],
  ['created', 'cancelled'],
  ['created', 'expired'],
  ['awaiting:payment', 'created'],
  ['awaiting:payment', 'paid'],
  ['awaiting:payment', 'cancelled'],
  ['awaiting:payment', 'expired'],
  ['expired', 'paid'],
];

const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));
const allowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);

describe('the order status table', () => {
  it.each(pairs)('%s → %s is allowed exactly when listed', (from, to) => {
    expect(canMove(from, to)).toBe(allowed(from, to));
  });

  it('never "moves" an order to the status it already has', () => {
    for (const status of ORDER_STATUSES) expect(canMove(status, status)).toBe(false);
  });

  it('keeps paid and cancelled final, and lets an expired order only be paid (a late payment)', () => {
    expect(ORDER_STATUSES.filter((to) => canMove('paid', to))).toEqual([]);
    expect(ORDER_STATUSES.filter((to) => canMove('cancelled', to))).toEqual([]);
    expect(ORDER_STATUSES.filter((to) => canMove('expired', to))).toEqual(['paid']);
  });
});
