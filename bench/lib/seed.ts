import { call, expectStatus } from './http';
import type { StackInfo } from './stack-info';
import type { BenchUser } from './users';

export interface SeededTicket {
  id: string;
  price: number;
}

export interface SeedResult {
  /** Rows answered `created`. */
  tickets: SeededTicket[];
  /**
   * Rows of this very request answered `already_listed` with our own seller: the ticket exists,
   * but the store took its insert for a duplicate and dropped its `ticket.created` (see report).
   */
  phantomDuplicates: SeededTicket[];
}

interface BulkResponse {
  results: { index: number; status: string; ticket?: { id: string; price: number } }[];
}

/**
 * Lists `count` tickets for one event through the bulk route (at most 1000 rows a request), with
 * varied prices so a price sort has work to do. Returns them in listing order.
 */
export async function seedTickets(
  stack: StackInfo,
  seller: BenchUser,
  count: number,
  eventId = stack.eventId,
  tag = `${Date.now()}`,
): Promise<SeedResult> {
  const out: SeededTicket[] = [];
  const phantom: SeededTicket[] = [];
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, k) => {
      const i = start + k;
      return {
        title: `Bench seat ${i}`,
        // Deterministic scatter over $10.00–$509.99.
        price: 1000 + ((i * 7919) % 50_000),
        description: 'benchmark listing',
        serialNumber: `BENCH-${tag}-${i}`,
        eventId,
      };
    });
    const res = await call<BulkResponse>(
      'POST',
      `${stack.routerUrl}/api/tickets/create`,
      { tickets: rows },
      { authorization: seller.authorization },
      120_000,
    );
    expectStatus(res, 201, `bulk create rows ${start}..${start + rows.length - 1}`);
    for (const r of res.body.results) {
      // Serials carry a per-run tag, so nothing of ours was listed before this request.
      if (r.status === 'created' && r.ticket) out.push({ id: r.ticket.id, price: r.ticket.price });
      else if (r.status === 'already_listed' && r.ticket) phantom.push({ id: r.ticket.id, price: r.ticket.price });
      else throw new Error(`bulk create row ${start + r.index} not listed: ${JSON.stringify(r)}`);
    }
  }
  return { tickets: out, phantomDuplicates: phantom };
}
