import type { WithdrawnReason } from '@bigtix/common';
import type { TicketDoc } from '../models/ticket';
import { ticketUpdated } from '../events/publishers/ticket-events';
import type { TicketsDeps } from '../deps';

/**
 * The platform takes an event's listings off sale (its event was cancelled, or has started):
 * available ones become `withdrawn` with the reason sellers see; held ones keep their hold (orders
 * decides those: it cancels the order, or refunds it once paid) and are marked to be withdrawn
 * when the hold ends, as a seller's own withdrawal would be. Sold tickets stay the buyer's.
 * Each ticket is one versioned change and a second pass finds nothing to do, so duplicate and
 * concurrent deliveries, replicas and the sync worker's rescan all converge. Returns how many
 * tickets this call changed.
 */
export async function withdrawListingsOfEvent(
  c: TicketsDeps,
  eventId: string,
  reason: WithdrawnReason,
): Promise<number> {
  let changed = 0;
  for (const status of ['available', 'held'] as const) {
    const rows = (await c.tickets.find({ eventId, status }, { _id: 1 }).lean()) as Pick<TicketDoc, '_id'>[];
    for (const { _id } of rows) {
      let mine = false;
      await c.store.change(_id, (current) => {
        mine = false;
        if (current.eventId !== eventId) return null;
        const at = new Date(c.now());
        if (current.status === 'available') {
          mine = true;
          return {
            next: { ...current, status: 'withdrawn', withdrawnReason: reason, updatedAt: at },
            events: ticketUpdated,
          };
        }
        if (current.status === 'held' && !(current.withdrawRequested && current.withdrawnReason)) {
          mine = true;
          return {
            next: { ...current, withdrawRequested: true, withdrawnReason: reason, updatedAt: at },
            events: ticketUpdated,
          };
        }
        return null;
      });
      if (mine) changed += 1;
    }
  }
  return changed;
}

/** What the platform does about an event's listings in this state, if anything. */
export function withdrawalReasonFor(state: { status: string; started: boolean }): WithdrawnReason | null {
  if (state.status === 'cancelled') return 'event-cancelled';
  if (state.started) return 'expired';
  return null;
}
