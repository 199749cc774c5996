import { BULK_CREATE_MAX, BulkCreateResponse, TicketInput } from '@bigtix/common';
import type { ApiClient } from './api-client';
import { chunk, mapLimit } from './batches';
import { ApiError, NetworkError, NotSignedInError } from './errors';

export type RowOutcome =
  | { status: 'created'; ticketId: string }
  | { status: 'already_listed'; ticketId: string }
  | { status: 'failed'; message: string };

export interface SendOptions {
  batchSize?: number;
  concurrency?: number;
  /** Attempts per batch for network errors, 429 and 5xx. */
  attempts?: number;
  retryDelayMs?: number;
  onProgress?: (rows: number) => void;
  /** Told about each retry, so a slow run explains itself. */
  onRetry?: (message: string) => void;
}

/**
 * Sends tickets in batches of up to 1000 with a few batches in flight. Retrying a batch is safe:
 * the API keys tickets by (eventId, serialNumber), so rows a lost answer had already created come
 * back as `already_listed`. Returns one outcome per input row, in input order.
 */
export async function sendInBatches(
  api: ApiClient,
  tickets: TicketInput[],
  options: SendOptions = {},
): Promise<RowOutcome[]> {
  const {
    batchSize = BULK_CREATE_MAX,
    concurrency = 3,
    attempts = 3,
    retryDelayMs = 500,
    onProgress,
    onRetry,
  } = options;
  const size = Math.min(Math.max(1, batchSize), BULK_CREATE_MAX);
  const batches = chunk(tickets, size);
  const perBatch = await mapLimit(batches, concurrency, async (batch, i) => {
    const outcomes = await sendOne(api, batch, attempts, retryDelayMs, (m) => onRetry?.(`batch ${i + 1}: ${m}`));
    onProgress?.(batch.length);
    return outcomes;
  });
  return perBatch.flat();
}

async function sendOne(
  api: ApiClient,
  batch: TicketInput[],
  attempts: number,
  retryDelayMs: number,
  onRetry: (m: string) => void,
): Promise<RowOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return fromResponse(batch.length, await api.bulkCreate(batch));
    } catch (err) {
      if (err instanceof NotSignedInError) throw err;
      const retriable =
        err instanceof NetworkError || (err instanceof ApiError && (err.status === 429 || err.status >= 500));
      if (retriable && attempt < attempts) {
        onRetry(`${(err as Error).message}; retrying (attempt ${attempt + 1} of ${attempts})`);
        await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
        continue;
      }
      if (err instanceof ApiError && err.status === 400) return fromBadRequest(batch.length, err);
      const message = err instanceof Error ? err.message : String(err);
      return batch.map(() => ({ status: 'failed', message }));
    }
  }
}

function fromResponse(n: number, res: BulkCreateResponse): RowOutcome[] {
  const out: RowOutcome[] = Array.from({ length: n }, () => ({
    status: 'failed',
    message: 'the server did not report this row',
  }));
  for (const r of res.results ?? []) {
    if (r.index < 0 || r.index >= n) continue;
    out[r.index] =
      r.status === 'failed' ? { status: 'failed', message: r.message } : { status: r.status, ticketId: r.ticket.id };
  }
  return out;
}

/** A 400 names bad rows as `tickets.<i>.<field>`; pin each message on its row, the rest share the first message. */
function fromBadRequest(n: number, err: ApiError): RowOutcome[] {
  const byRow = new Map<number, string[]>();
  for (const item of err.items) {
    const m = /^tickets\.(\d+)/.exec(item.field ?? '');
    if (m) byRow.set(Number(m[1]), [...(byRow.get(Number(m[1])) ?? []), item.message]);
  }
  const fallback = byRow.size ? 'not sent: another row in its batch was rejected' : err.message;
  return Array.from({ length: n }, (_, i) => ({ status: 'failed', message: byRow.get(i)?.join('; ') ?? fallback }));
}
