import type { Logger } from '@bigtix/middleware';
import type { TicketDoc } from '../models/ticket';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * Serials are unique per (event, seller), so two sellers may list the same serial for one event:
 * at most one of them holds the real ticket, and listing time cannot tell which without telling
 * every seller what the others hold (docs/ARCHITECTURE.md, "Serial numbers"). The first sale
 * settles it: every other copy is withdrawn (one still held comes back withdrawn when its hold
 * ends), so one serial is not sold twice one after the other. Idempotent: run again on every
 * delivery of the sale.
 */
export async function settleSerialCopies(c: TicketsDeps, sold: TicketDoc, logger?: Logger): Promise<void> {
  for (const copy of await copiesOf(c, sold)) {
    await c.store.change(copy._id, (current) => {
      if (current.status === 'sold') {
        // Both copies were held at once and both paid: only the buyer guarantee can settle that.
        logger?.error(
          { ticketId: current._id, soldTicketId: sold._id, eventId: sold.eventId },
          'one serial sold twice at one event',
        );
        return null;
      }
      if (current.status === 'withdrawn' || (current.status === 'held' && current.withdrawRequested)) return null;
      const next =
        current.status === 'held'
          ? { ...current, withdrawRequested: true }
          : { ...current, status: 'withdrawn' as const, orderId: null };
      return { next: { ...next, updatedAt: new Date(c.now()) }, events: ticketUpdated };
    });
  }
}

/** Another listing of this serial at this event that has been sold, if any. */
export async function soldCopyOf(c: TicketsDeps, ticket: TicketDoc): Promise<TicketDoc | null> {
  return (await copiesOf(c, ticket)).find((t) => t.status === 'sold') ?? null;
}

async function copiesOf(c: TicketsDeps, ticket: TicketDoc): Promise<TicketDoc[]> {
  const same = await c.tickets.find({ eventId: ticket.eventId, serialNumber: ticket.serialNumber }).lean<TicketDoc[]>();
  return same.filter((t) => t._id !== ticket._id);
}
