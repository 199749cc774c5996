import type { EventSummaryDto, OrderDto, TicketDto } from '@bigtix/common';
import { toEventView } from '@/lib/view/event';
import { orderStatusLabel, toOrderView } from '@/lib/view/order';
import { toTicketView } from '@/lib/view/ticket';
import { eventNoticeOf } from '@/lib/view/event-notice';

const ticket: TicketDto = {
  id: '665f1c2e9b1e8a0012345678',
  title: 'Floor A, row 3',
  price: 12_550,
  currency: 'usd',
  description: 'Great view',
  eventId: 'vvG1OMw20GdtWRW4',
  userId: 'buyer-1',
  sellerId: 'seller-1',
  status: 'sold',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('toTicketView', () => {
  it('keeps who listed it apart from who owns it now, and labels the all-in price and the proceeds', () => {
    expect(toTicketView(ticket)).toEqual({
      id: ticket.id,
      title: 'Floor A, row 3',
      description: 'Great view',
      price: 12_550,
      allInPrice: 13_805,
      priceLabel: '$138.05',
      listingPriceLabel: '$125.50',
      proceedsLabel: '$112.95',
      currency: 'usd',
      eventId: 'vvG1OMw20GdtWRW4',
      sellerId: 'seller-1',
      ownerId: 'buyer-1',
      status: 'sold',
      version: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      serialNumber: null,
    });
  });

  it('shows the serial only when the service sent it (to the owner)', () => {
    expect(toTicketView({ ...ticket, serialNumber: 'SEC1-3' }).serialNumber).toBe('SEC1-3');
  });
});

describe('toOrderView', () => {
  const order: OrderDto = {
    id: 'o1',
    userId: 'buyer-1',
    status: 'awaiting:payment',
    expiresAt: '2026-01-01T00:15:00.000Z',
    tickets: [
      { ticketId: 't1', title: 'A', price: 5_000, buyerFee: 500, allInPrice: 5_500, eventId: 'e1' },
      { ticketId: 't2', title: 'B', price: 7_525, buyerFee: 753, allInPrice: 8_278, eventId: 'e1' },
    ],
    subtotal: 12_525,
    buyerFee: 1_253,
    total: 13_778,
    currency: 'usd',
    version: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('labels each ticket all-in, breaks the total down in dollars and says the order is still active', () => {
    const v = toOrderView(order);
    expect(v.tickets.map((t) => t.priceLabel)).toEqual(['$55.00', '$82.78']);
    expect(v).toMatchObject({
      subtotalLabel: '$125.25',
      buyerFeeLabel: '$12.53',
      totalLabel: '$137.78',
      statusLabel: 'Payment in progress',
      active: true,
    });
  });

  it.each([
    ['created', 'Held for you', true],
    ['awaiting:payment', 'Payment in progress', true],
    ['paid', 'Paid', false],
    ['cancelled', 'Cancelled', false],
    ['expired', 'Expired', false],
  ] as const)('%s reads "%s" (active: %s)', (status, label, active) => {
    expect(orderStatusLabel(status)).toBe(label);
    expect(toOrderView({ ...order, status }).active).toBe(active);
  });
});

describe('toEventView', () => {
  const event: EventSummaryDto = {
    id: 'vvG1OMw20GdtWRW4',
    name: 'Taylor Swift | The Eras Tour',
    url: 'https://www.ticketmaster.com/x',
    date: '2026-07-15T22:30:00Z',
    venue: { name: 'MetLife Stadium', city: 'East Rutherford', state: 'NJ', country: 'US' },
    image: null,
    status: 'onsale',
  };

  it('shows the date in the venue’s time zone and joins the venue, city and state', () => {
    const v = toEventView({ ...event, timezone: 'America/New_York' });
    expect(v.dateLabel).toBe('Wed, Jul 15, 2026, 6:30 PM EDT');
    expect(v.venueLabel).toBe('MetLife Stadium · East Rutherford, NJ');
    expect(v.statusNotice).toBeNull();
  });

  it('keeps a date without a time a date, and says when there is none', () => {
    expect(toEventView({ ...event, date: '2026-07-15' }).dateLabel).toBe('Wed, Jul 15, 2026');
    expect(toEventView({ ...event, date: null }).dateLabel).toBe('Date to be announced');
  });

  it.each(['cancelled', 'postponed', 'rescheduled', 'offsale'] as const)('warns buyers of a %s event', (status) => {
    expect(toEventView({ ...event, status }).statusNotice).toMatch(/./);
  });

  it('leaves out the parts of a venue Ticketmaster did not send', () => {
    expect(toEventView({ ...event, venue: { name: '', city: 'London', state: '', country: 'GB' } }).venueLabel).toBe(
      'London',
    );
  });
});

describe('eventNoticeOf', () => {
  const base = { status: 'paid' as const, currency: 'usd' as const };
  const event = (status: 'cancelled' | 'postponed' | 'rescheduled' | 'onsale', start: string | null = null) => ({
    eventId: 'e1',
    status,
    start,
    started: false,
  });

  it('a cancelled event: the refund of the whole charge, in dollars', () => {
    const n = eventNoticeOf({
      ...base,
      event: event('cancelled'),
      refund: { status: 'requested', amount: 13_778, currency: 'usd', reason: 'event-cancelled' },
    });
    expect(n).toEqual({
      kind: 'cancelled',
      severity: 'error',
      text: 'The event was cancelled. Your order is refunded in full: $137.78, fees included.',
    });
    expect(eventNoticeOf({ ...base, status: 'cancelled', event: event('cancelled') })?.text).toBe(
      'The event was cancelled.',
    );
  });

  it('postponed or moved: the tickets stay valid, with the new date', () => {
    expect(eventNoticeOf({ ...base, event: event('postponed') })?.kind).toBe('postponed');
    expect(eventNoticeOf({ ...base, event: event('rescheduled', '2027-02-01T20:00:00.000Z') })?.text).toBe(
      'The event moved to Mon, Feb 1, 2027, 8:00 PM UTC. Your tickets stay valid for the new date.',
    );
    expect(eventNoticeOf({ ...base, event: event('onsale') })).toBeNull();
    expect(eventNoticeOf(base)).toBeNull();
  });

  it('is part of the order view (saved with My tickets for offline use)', () => {
    const v = toOrderView({
      id: 'o2',
      userId: 'b',
      status: 'paid',
      expiresAt: '2026-01-01T00:15:00.000Z',
      tickets: [{ ticketId: 't1', title: 'A', price: 5_000, buyerFee: 500, allInPrice: 5_500, eventId: 'e1' }],
      subtotal: 5_000,
      buyerFee: 500,
      total: 5_500,
      currency: 'usd',
      version: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      event: event('cancelled'),
      refund: { status: 'requested', amount: 5_500, currency: 'usd', reason: 'event-cancelled' },
    });
    expect(v.eventNotice?.text).toContain('$55.00');
  });
});
