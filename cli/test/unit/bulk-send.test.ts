import type { BulkCreateResponse, TicketInput } from '@bigtix/common';
import type { ApiClient } from '../../src/lib/api-client';
import { sendInBatches } from '../../src/lib/bulk-send';
import { ApiError, NetworkError, NotSignedInError } from '../../src/lib/errors';

const tickets = (n: number): TicketInput[] =>
  Array.from({ length: n }, (_, i) => ({
    title: 't',
    price: 100,
    description: '',
    serialNumber: `S${i}`,
    eventId: 'ev',
  }));

/** A stand-in for the API client that answers like the tickets service and records what it was sent. */
function fakeApi(answer: (batch: TicketInput[], call: number) => Promise<BulkCreateResponse>) {
  const calls: TicketInput[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const api = {
    async bulkCreate(batch: TicketInput[]) {
      calls.push(batch);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setImmediate(r));
        return await answer(batch, calls.length);
      } finally {
        inFlight--;
      }
    },
  } as unknown as ApiClient;
  return { api, calls, maxInFlight: () => maxInFlight };
}

const created = (batch: TicketInput[]): BulkCreateResponse => ({
  created: batch.length,
  alreadyListed: 0,
  failed: 0,
  results: batch.map((t, index) => ({ index, status: 'created', ticket: { id: `id-${t.serialNumber}` } as never })),
});

describe('sendInBatches', () => {
  it('sends batches of at most 1000 with at most 3 in flight and returns outcomes in input order', async () => {
    const f = fakeApi(async (b) => created(b));
    const progress: number[] = [];
    const out = await sendInBatches(f.api, tickets(4500), { onProgress: (n) => progress.push(n) });
    expect(f.calls.map((c) => c.length)).toEqual([1000, 1000, 1000, 1000, 500]);
    expect(f.maxInFlight()).toBeLessThanOrEqual(3);
    expect(out).toHaveLength(4500);
    expect(out[4499]).toEqual({ status: 'created', ticketId: 'id-S4499' });
    expect(progress.reduce((a, b) => a + b, 0)).toBe(4500);
  });

  it('retries a batch after a network error or 5xx, and the retry sees already-listed rows', async () => {
    const f = fakeApi(async (b, call) => {
      if (call === 1) throw new NetworkError('socket hang up');
      if (call === 2) throw new ApiError(503, 'busy');
      return {
        ...created(b),
        results: b.map((t, index) => ({
          index,
          status: 'already_listed' as const,
          ticket: { id: `id-${t.serialNumber}` } as never,
        })),
      };
    });
    const out = await sendInBatches(f.api, tickets(2), { retryDelayMs: 1 });
    expect(f.calls).toHaveLength(3);
    expect(out.map((o) => o.status)).toEqual(['already_listed', 'already_listed']);
  });

  it('pins a 400 on the rows it names and fails the batch, without retrying', async () => {
    const f = fakeApi(async () => {
      throw new ApiError(400, 'Invalid', [
        { field: 'tickets.1.eventId', message: 'tickets.1.eventId: event is cancelled' },
      ]);
    });
    const out = await sendInBatches(f.api, tickets(3), { retryDelayMs: 1 });
    expect(f.calls).toHaveLength(1);
    expect(out).toEqual([
      { status: 'failed', message: 'not sent: another row in its batch was rejected' },
      { status: 'failed', message: 'tickets.1.eventId: event is cancelled' },
      { status: 'failed', message: 'not sent: another row in its batch was rejected' },
    ]);
  });

  it('stops everything when the token is refused', async () => {
    const f = fakeApi(async () => {
      throw new NotSignedInError();
    });
    await expect(sendInBatches(f.api, tickets(10))).rejects.toBeInstanceOf(NotSignedInError);
  });
});
