import { BULK_CREATE_MAX, BulkListingsResponse, ListingInput } from '@bigtix/common';
import type { ApiClient } from '../../lib/api-client';
import { BrokerRow, readBrokerCsv } from '../../lib/broker-csv';
import type { Deps } from '../../lib/deps';
import { UsageError } from '../../lib/errors';

/** Reads and checks a broker inventory file; any problem stops everything before a request. */
export async function readBrokerFile(
  deps: Deps,
  file: string,
  opts: { event?: string; cents?: boolean; json?: boolean },
): Promise<BrokerRow[]> {
  let text: string;
  try {
    text = await deps.readFile(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { rows, problems } = readBrokerCsv(text, opts);
  if (problems.length) {
    if (opts.json) deps.out.json({ ok: false, listed: 0, problems });
    throw new UsageError(`${problems.length} problem(s) in ${file}; nothing was sent`, problems);
  }
  return rows;
}

/** Sends listings in requests of up to 1000 (each all-or-nothing and idempotent by externalRef). */
export async function sendListings(api: ApiClient, listings: ListingInput[]): Promise<BulkListingsResponse> {
  const total: BulkListingsResponse = { created: 0, unchanged: 0, updated: 0, failed: 0, results: [] };
  for (let i = 0; i < listings.length; i += BULK_CREATE_MAX) {
    const res = await api.bulkListings(listings.slice(i, i + BULK_CREATE_MAX));
    total.created += res.created;
    total.unchanged += res.unchanged;
    total.updated += res.updated;
    total.failed += res.failed;
    total.results.push(...res.results.map((r) => ({ ...r, index: r.index + i })));
  }
  return total;
}
