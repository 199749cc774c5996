import { type OrderEventLine, type OrderPaidData, formatCents, proceedsOfLines } from '@bigtix/common';
import type { Notifier } from '@bigtix/mailer';
import type { TicketDoc } from '../../models/ticket';
import type { TicketsDeps } from '../../deps';
import { EventForEmail, describeEvent } from './describe-event';
import { seatLabel } from './seat-label';
import { receiptFact, soldFact } from '../../models/keys';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * After `order.paid` is applied: the buyer's receipt (event, each seat with its serial, the total
 * paid) and, to each seller of the order, "your listing sold" with the seats and the proceeds
 * (price − the seller fee fixed on each line: `proceedsOfLines`, exactly what payments books and
 * transfers). Once per fact (`receipt:<orderId>`, `sold:<orderId>:<sellerId>`): a redelivery
 * sends nothing more.
 */
export async function emailOrderPaid(c: TicketsDeps, notifier: Notifier, order: OrderPaidData): Promise<void> {
  const stored = new Map<string, TicketDoc>();
  for (const { ticketId } of order.tickets) {
    const ticket = await c.store.findById(ticketId);
    if (ticket) stored.set(ticketId, ticket);
  }
  const eventOf = (l: OrderEventLine) => l.eventId ?? stored.get(l.ticketId)?.eventId ?? '';
  const events = new Map<string, EventForEmail>();
  for (const eventId of new Set(order.tickets.map(eventOf))) {
    if (eventId) events.set(eventId, await describeEvent(c, eventId, notifier.logger));
  }
  const eventsOf = (lines: OrderEventLine[]) =>
    [...new Set(lines.map(eventOf))].flatMap((id) => {
      const e = events.get(id);
      return e ? [e] : [];
    });
  const eventParagraphs = (lines: OrderEventLine[]) =>
    eventsOf(lines).map((e) => (e.when ? `${e.name} — ${e.when}` : e.name));
  const currency = order.currency;

  // The serial is the buyer's now; a ticket this order did not get (a double sale, logged when
  // selling) is named without one.
  const seats = order.tickets.map((l) => {
    const t = stored.get(l.ticketId);
    if (!t) return l.title;
    return t.status === 'sold' && t.orderId === order.id ? `${seatLabel(t)} — serial ${t.serialNumber}` : seatLabel(t);
  });
  await notifier.notify(receiptFact(order.id), order.userId, {
    subject: `Your tickets for ${eventsOf(order.tickets)[0]?.name ?? 'your event'}`,
    paragraphs: [
      `Thanks for your order. You paid ${formatCents(order.total, currency)} for ${plural(order.tickets.length, 'ticket')}.`,
      ...eventParagraphs(order.tickets),
      ...seats,
      'Your tickets are in My tickets (open them once on your phone to have them offline).',
    ],
    action: { label: 'See your order', path: `/orders/${order.id}` },
  });

  const bySeller = new Map<string, OrderEventLine[]>();
  for (const line of order.tickets) {
    const sellerId = line.sellerId ?? stored.get(line.ticketId)?.sellerId;
    if (sellerId) bySeller.set(sellerId, [...(bySeller.get(sellerId) ?? []), line]);
  }
  for (const [sellerId, lines] of bySeller) {
    await notifier.notify(soldFact(order.id, sellerId), sellerId, {
      subject: `Sold: ${plural(lines.length, 'ticket')} for ${eventsOf(lines)[0]?.name ?? 'your event'}`,
      paragraphs: [
        `You sold ${plural(lines.length, 'ticket')} on BigTix.`,
        ...eventParagraphs(lines),
        ...lines.map((l) => {
          const t = stored.get(l.ticketId);
          return `${t ? seatLabel(t) : l.title} — ${formatCents(l.price, currency)}`;
        }),
        `Your proceeds: ${formatCents(proceedsOfLines(lines), currency)} (the price minus the BigTix seller fee), paid to your account after the event.`,
      ],
      action: { label: 'See your sales', path: '/my/listings' },
    });
  }
}
