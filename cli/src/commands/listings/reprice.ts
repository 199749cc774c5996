import { formatCents, objectIdSchema, parseDollarsToCents } from '@bigtix/common';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { parseCsv } from '../../lib/csv';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError, PartialFailureError, UsageError } from '../../lib/errors';
import { allMyListings } from './my-listings';

export interface RepriceOptions extends GlobalOptions {
  csv?: string;
  cents?: boolean;
}

export function makeRepriceCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('reprice')
    .summary('change the price of listings from a CSV file')
    .description(
      'CSV columns: ExternalRef or ListingId, and Price (dollars; cents with --cents). Every line is checked first; nothing is changed unless all are valid. Seats already held or sold keep their price.',
    )
    .option('--csv <file>', 'CSV of ExternalRef|ListingId,Price')
    .option('--cents', 'prices are whole cents, not dollars');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix reprice --csv prices.csv', '  ExternalRef,Price', '  L1,130.00']);
  return cmd.action(async (_opts, c: Command) => runReprice(optionsOf<RepriceOptions>(c), getDeps()));
}

export async function runReprice(opts: RepriceOptions, deps: Deps): Promise<void> {
  if (!opts.csv) throw new UsageError('say which file: --csv <file>');
  const text = await deps.readFile(opts.csv).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${opts.csv}: ${err.code ?? err.message}`);
  });
  const [header, ...records] = parseCsv(text);
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const unknown = (header?.fields ?? []).filter((_, i) => !['externalref', 'listingid', 'price'].includes(names[i]));
  if (unknown.length) throw new UsageError(`line 1: unknown column(s): ${unknown.join(', ')}`);
  const col = (n: string) => names.indexOf(n);
  if (col('price') < 0 || (col('externalref') < 0 && col('listingid') < 0))
    throw new UsageError('line 1: needs ExternalRef or ListingId, and Price');

  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const mine = await allMyListings(api);
  const byRef = new Map(mine.filter((l) => l.externalRef).map((l) => [l.externalRef!, l]));
  const byId = new Map(mine.map((l) => [l.id, l]));
  const problems: string[] = [];
  const changes = records.flatMap((r) => {
    const ref = col('externalref') >= 0 ? (r.fields[col('externalref')] ?? '').trim() : '';
    const id = col('listingid') >= 0 ? (r.fields[col('listingid')] ?? '').trim() : '';
    const priceText = (r.fields[col('price')] ?? '').trim();
    const price = opts.cents
      ? /^\d{1,12}$/.test(priceText)
        ? Number(priceText)
        : null
      : parseDollarsToCents(priceText);
    const listing = id ? (objectIdSchema.safeParse(id).success ? byId.get(id) : undefined) : byRef.get(ref);
    if (!listing) problems.push(`line ${r.line}: no listing of yours is ${id ? `id ${id}` : `ExternalRef "${ref}"`}`);
    if (price === null)
      problems.push(`line ${r.line}, column ${col('price') + 1} (Price): "${priceText}" is not a price`);
    return listing && price !== null ? [{ listing, price }] : [];
  });
  if (problems.length)
    throw new UsageError(`${problems.length} problem(s) in ${opts.csv}; nothing was changed`, problems);

  const failures: string[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const { listing, price } of changes) {
    if (listing.price === price) {
      unchanged++;
      continue;
    }
    try {
      await api.updateListing(listing.id, { price });
      updated++;
      if (!opts.json)
        deps.out.data(`${listing.externalRef ?? listing.id}  ${formatCents(listing.price)} → ${formatCents(price)}`);
    } catch (err) {
      failures.push(`${listing.externalRef ?? listing.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (opts.json) deps.out.json({ updated, unchanged, failed: failures.length });
  else deps.out.info(`${updated} updated, ${unchanged} unchanged`);
  if (failures.length) throw new PartialFailureError(`${failures.length} listing(s) could not be re-priced`, failures);
}
