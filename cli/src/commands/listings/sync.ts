import { ListingDto, ListingInput } from '@bigtix/common';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { CliError, ExitCode, NotSignedInError, PartialFailureError, UsageError } from '../../lib/errors';
import { readBrokerFile, sendListings } from './broker-file';
import { allMyListings } from './my-listings';

export interface SyncOptions extends GlobalOptions {
  csv?: string;
  event?: string;
  cents?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function makeSyncCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('sync')
    .summary("make your listings for the file's events match a broker inventory file")
    .description(
      [
        'Creates listings new in the file, updates changed price/splits/notes, and withdraws your',
        "listings for the file's events that are no longer in it (held or sold seats stay). Rows are",
        'matched by ExternalRef, which every row needs. The diff is printed first; on a terminal you',
        'are asked before anything is withdrawn. Running it again changes nothing.',
      ].join('\n'),
    )
    .option('--csv <file>', 'broker inventory CSV (see `bigtix list --help`)')
    .option('--event <eventId>', 'event of rows without an EventId column')
    .option('--cents', 'prices are whole cents, not dollars')
    .option('--dry-run', 'print the diff; change nothing')
    .option('-y, --yes', 'do not ask before withdrawing');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix sync --csv inventory.csv --dry-run', '$ bigtix sync --csv inventory.csv --yes']);
  return cmd.action(async (_opts, c: Command) => runSync(optionsOf<SyncOptions>(c), getDeps()));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FIELDS = ['price', 'faceValue', 'splits', 'inHandDate', 'delivery', 'disclosures', 'notes'] as const;

export interface SyncPlan {
  create: ListingInput[];
  update: ListingInput[];
  unchanged: ListingInput[];
  withdraw: ListingDto[];
}

/** What sync would do: by externalRef against the seller's listings for the file's events. */
export function planSync(file: ListingInput[], mine: ListingDto[]): SyncPlan {
  const events = new Set(file.map((l) => l.eventId));
  const byRef = new Map(mine.filter((l) => l.externalRef).map((l) => [l.externalRef!, l]));
  const plan: SyncPlan = { create: [], update: [], unchanged: [], withdraw: [] };
  for (const l of file) {
    const there = byRef.get(l.externalRef!);
    if (!there) plan.create.push(l);
    else if (there.status === 'withdrawn' || FIELDS.some((f) => !same(l[f], there[f]))) plan.update.push(l);
    else plan.unchanged.push(l);
  }
  const refs = new Set(file.map((l) => l.externalRef));
  plan.withdraw = mine.filter(
    (l) => events.has(l.eventId) && l.status === 'active' && l.available > 0 && !refs.has(l.externalRef ?? undefined),
  );
  return plan;
}

export async function runSync(opts: SyncOptions, deps: Deps): Promise<void> {
  if (!opts.csv) throw new UsageError('say which file: --csv <file>');
  const rows = await readBrokerFile(deps, opts.csv, opts);
  const noRef = rows
    .filter((r) => !r.listing.externalRef)
    .map((r) => `line ${r.line}: ExternalRef is required to sync`);
  if (noRef.length) throw new UsageError(`${noRef.length} problem(s) in ${opts.csv}; nothing was sent`, noRef);
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const mine: ListingDto[] = [];
  for (const eventId of new Set(rows.map((r) => r.listing.eventId))) mine.push(...(await allMyListings(api, eventId)));
  const plan = planSync(
    rows.map((r) => r.listing),
    mine,
  );
  const summary = {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged.length,
    withdrawn: plan.withdraw.length,
  };
  if (!opts.json) {
    for (const l of plan.create)
      deps.out.data(`+ create    ${l.externalRef}  ${l.section} ${l.row ?? ''} ×${l.quantity}`);
    for (const l of plan.update) deps.out.data(`~ update    ${l.externalRef}`);
    for (const l of plan.withdraw) deps.out.data(`- withdraw  ${l.externalRef ?? l.id}  ${l.available} seat(s)`);
    deps.out.info(
      `${summary.created} to create, ${summary.updated} to update, ${summary.withdrawn} to withdraw, ${summary.unchanged} unchanged`,
    );
  }
  if (opts.dryRun) {
    if (opts.json) deps.out.json({ dryRun: true, ...summary });
    return;
  }
  if (plan.withdraw.length > 0 && deps.interactive && !opts.yes) {
    const ok = await deps.prompts.confirm(`Withdraw ${plan.withdraw.length} listing(s)?`, false);
    if (!ok) throw new CliError('cancelled; nothing was changed', ExitCode.usage);
  }
  const changed = [...plan.create, ...plan.update];
  const sent = changed.length > 0 ? await sendListings(api, changed) : null;
  const failures: string[] = sent?.results.flatMap((r) => (r.status === 'failed' ? [r.message] : [])) ?? [];
  for (const l of plan.withdraw) {
    try {
      await api.withdrawListing(l.id);
    } catch (err) {
      failures.push(`${l.externalRef ?? l.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (opts.json) deps.out.json({ ...summary, failed: failures.length });
  else
    deps.out.data(
      `${summary.created} created, ${summary.updated} updated, ${summary.withdrawn} withdrawn, ${summary.unchanged} unchanged`,
    );
  if (failures.length) throw new PartialFailureError(`${failures.length} change(s) failed`, failures);
}
