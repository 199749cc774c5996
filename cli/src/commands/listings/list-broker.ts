import { formatCents, sellerProceeds } from '@bigtix/common';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { CliError, ExitCode, NotSignedInError, PartialFailureError } from '../../lib/errors';
import { feeSchedule } from '../../lib/fees';
import { readBrokerFile, sendListings } from './broker-file';

/** `bigtix list --csv` of a broker inventory file (one line per group of seats). */
export async function runBrokerList(
  opts: GlobalOptions & { csv: string; event?: string; cents?: boolean; yes?: boolean; dryRun?: boolean },
  deps: Deps,
): Promise<void> {
  const rows = await readBrokerFile(deps, opts.csv, opts);
  const { api } = await deps.session(opts);
  if (!opts.dryRun && !api.signedIn) throw new NotSignedInError();
  const fees = await feeSchedule(api, deps.out);
  const seats = rows.reduce((n, r) => n + r.listing.quantity, 0);
  const proceeds = rows.reduce((n, r) => n + r.listing.quantity * sellerProceeds(r.listing.price, fees), 0);
  const plan = `${rows.length} listing(s), ${seats} seat(s); you receive ${formatCents(proceeds)} if all sell`;
  if (opts.dryRun) {
    if (opts.json) deps.out.json({ dryRun: true, listings: rows.map((r) => ({ line: r.line, ...r.listing })) });
    else deps.out.info(`Would list ${plan} from ${opts.csv}`);
    return;
  }
  if (!opts.json) deps.out.info(`Listing ${plan} from ${opts.csv}`);
  if (deps.interactive && !opts.yes) {
    const ok = await deps.prompts.confirm(`List ${rows.length} listing(s)?`, true);
    if (!ok) throw new CliError('cancelled; nothing was listed', ExitCode.usage);
  }
  const res = await sendListings(
    api,
    rows.map((r) => r.listing),
  );
  if (opts.json) deps.out.json(res);
  else
    deps.out.data(
      `${res.created} created, ${res.updated} updated, ${res.unchanged} unchanged` +
        (res.failed ? `, ${res.failed} failed` : ''),
    );
  if (res.failed)
    throw new PartialFailureError(
      `${res.failed} listing(s) could not be listed`,
      res.results.flatMap((r) => (r.status === 'failed' ? [`line ${rows[r.index].line}: ${r.message}`] : [])),
    );
}
