import { Isolation, isolate } from '@bigtix/testkit';
import { RunningService, startService } from '@bigtix/middleware';
import type { Collection, Document } from 'mongodb';
import { RunningFakeTicketmaster, startFakeTicketmaster } from '@bigtix/fake-ticketmaster';
import { ticketsService } from '../../src/service';

export { FIXTURE_IDS, UNKNOWN_EVENT_ID } from '@bigtix/fake-ticketmaster';

export interface TicketsHarness {
  iso: Isolation;
  tm: RunningFakeTicketmaster;
  running: RunningService;
  url: string;
  tickets: Collection<Document>;
  changes: Collection<Document>;
  /** Stops the service (waiting for in-flight messages) and starts it again on the same database and queue. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The real tickets service on an ephemeral port, its own database and exchange, and a fake Ticketmaster. */
export async function startTickets(label: string, env: Record<string, string> = {}): Promise<TicketsHarness> {
  const iso = isolate(label);
  const tm = await startFakeTicketmaster({ port: 0, rateLimitPerSecond: 0 });
  const serviceEnv = iso.env('tickets', { TICKETMASTER_BASE_URL: tm.url, TICKETMASTER_RATE_PER_SECOND: '100', ...env });
  const running = await startService(ticketsService, serviceEnv);
  const db = running.ctx.db.db!;
  const h: TicketsHarness = {
    iso,
    tm,
    running,
    url: running.url,
    tickets: db.collection('tickets'),
    changes: db.collection('ticket_changes'),
    async restart() {
      await h.running.stop();
      h.running = await startService(ticketsService, serviceEnv);
      h.url = h.running.url;
      const fresh = h.running.ctx.db.db!;
      h.tickets = fresh.collection('tickets');
      h.changes = fresh.collection('ticket_changes');
    },
    async stop() {
      await h.running.stop();
      await tm.close();
      await iso.cleanup();
    },
  };
  return h;
}

let serial = 0;
/** A valid single-ticket body with a serial no other test uses. */
export function ticketBody(eventId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    title: `Section 1 Row A Seat ${serial}`,
    price: 12_500,
    description: 'Great seat',
    serialNumber: `SN-${Date.now()}-${serial}`,
    eventId,
    ...extra,
  };
}
