import type { OrderDoc } from '../models/order';

export type CreationEnd = 'stored' | 'given-up';

/** How a creation ended; a stored one carries its order (an order is stored only holding every ticket). */
export type Ending = { how: 'stored'; order: OrderDoc } | { how: 'given-up'; order: null };

/** Another creation in this process that is after one of the tickets, met by `begin`. */
export interface Rival {
  ticketId: string;
  orderId: string;
  ended: Promise<Ending>;
}

interface Creation {
  ticketIds: string[];
  ended: Promise<Ending>;
  end: (ending: Ending) => void;
}

/**
 * The orders this process is creating right now, and the tickets each is after. A buyer waiting
 * for the hold of one of them (in a rush, most buyers wait for a creation in their own process)
 * awaits its end here instead of polling the database, which in a rush would slow down the very
 * creation it waits for; and a buyer whose ticket another creation here is already after waits
 * for that one before reading anything (create-order.ts). Only a shortcut: the holds and the
 * stored order stay the truth, and a buyer waiting for a creation in another replica polls them.
 */
export class CreationsInFlight {
  private readonly creations = new Map<string, Creation>();
  /** Ticket id → the creation here that is after it (the newest, when `force` let two in). */
  private readonly byTicket = new Map<string, string>();

  /**
   * Starts the creation of `orderId` for `ticketIds`, unless another creation here is after one of
   * them: then starts nothing and returns that rival (the lowest such ticket). The check and the
   * start run with no await between, so of the buyers of one ticket in this process one goes on
   * at a time. `force` starts it regardless (a rival that outlived the wait).
   */
  begin(orderId: string, ticketIds: string[], { force = false }: { force?: boolean } = {}): Rival | null {
    const sorted = [...new Set(ticketIds)].sort();
    if (!force)
      for (const ticketId of sorted) {
        const other = this.byTicket.get(ticketId);
        const creation = other === undefined ? undefined : this.creations.get(other);
        if (other !== undefined && creation) return { ticketId, orderId: other, ended: creation.ended };
      }
    let end!: (ending: Ending) => void;
    const ended = new Promise<Ending>((resolve) => (end = resolve));
    this.creations.set(orderId, { ticketIds: sorted, ended, end });
    for (const ticketId of sorted) this.byTicket.set(ticketId, orderId);
    return null;
  }

  end(orderId: string, ending: Ending): void {
    const creation = this.creations.get(orderId);
    if (!creation) return;
    this.creations.delete(orderId);
    for (const ticketId of creation.ticketIds)
      if (this.byTicket.get(ticketId) === orderId) this.byTicket.delete(ticketId);
    creation.end(ending);
  }

  /** How the creation ended, once it has; null when it is not being created here. */
  ended(orderId: string): Promise<CreationEnd> | null {
    return this.creations.get(orderId)?.ended.then((e) => e.how) ?? null;
  }
}
