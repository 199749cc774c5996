import {
  BULK_CREATE_MAX,
  EventSummaryDto,
  FeeSchedule,
  TicketInput,
  formatCents,
  sellerProceeds,
  ticketmasterEventIdSchema,
} from '@bigtix/common';
import { feeSchedule, percent } from '../../lib/fees';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { CliError, ExitCode, NotSignedInError, PartialFailureError, UsageError } from '../../lib/errors';
import { describeEvent } from '../../lib/event-format';
import { DraftResult, ListingDraft, draftsFromCsv, draftsFromGenerator, toTicketInputs } from '../../lib/listing-input';
import { RowOutcome, sendInBatches } from '../../lib/bulk-send';
import { formatTable, truncate } from '../../lib/output';
import { pickEvent } from './pick-event';
import { isBrokerHeader } from '../../lib/broker-csv';
import { runBrokerList } from '../listings/list-broker';

export interface ListOptions extends GlobalOptions {
  event?: string;
  csv?: string;
  count?: string;
  price?: string;
  serialPrefix?: string;
  title?: string;
  description?: string;
  cents?: boolean;
  yes?: boolean;
  dryRun?: boolean;
  concurrency?: string;
  batchSize?: string;
}

export function makeListCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('list')
    .summary('list tickets for sale in bulk, from a CSV file or generated serials')
    .description(
      [
        'List tickets for one Ticketmaster event. The whole input is checked first:',
        'if any line is bad, every bad line is reported and nothing is listed.',
        'Tickets are sent in batches of up to 1000, 3 batches at a time. Running the',
        'same file again lists nothing twice (rows are reported as already listed).',
        '',
        'CSV format: a header row, then one ticket per line (names case-insensitive):',
        '  serialNumber  required; unique per event; printable ASCII; private to you',
        '  price         required; dollars like 125.00 (whole cents with --cents)',
        '  title         optional; what buyers see; default: the event name',
        '  description   optional',
        '',
        'Broker format (one line per group of seats; recognised by a Section column): EventId',
        '(optional with --event), Section, Row, SeatFrom, SeatThru (or Seats: 1;2;3), Quantity, Price,',
        'FaceValue, Splits (any|pairs|avoid-one|all|2;4), InHandDate (YYYY-MM-DD), Delivery',
        '(mobile_transfer|pdf|barcode), Notes, Serials (one per seat, ;-separated), ExternalRef.',
      ].join('\n'),
    )
    .option('--event <eventId>', 'Ticketmaster event id (asked for on a terminal when missing)')
    .option('--csv <file>', 'CSV file of tickets to list')
    .option('--count <n>', 'generate this many tickets instead of reading a CSV')
    .option('--price <price>', 'price of each generated ticket, dollars (or cents with --cents)')
    .option('--serial-prefix <prefix>', 'generated serial numbers are <prefix>0001, <prefix>0002, …')
    .option('--title <title>', 'title of each generated ticket (default: the event name)')
    .option('--description <text>', 'description of each generated ticket')
    .option('--cents', 'prices are whole cents (12500), not dollars (125.00)')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--dry-run', 'check the input and show what would be listed; send nothing')
    .option('--concurrency <n>', 'batches in flight at once (1-8)', '3')
    .option('--batch-size <n>', `tickets per request (1-${BULK_CREATE_MAX})`, String(BULK_CREATE_MAX));
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix list --event vvG1zZ9KqAkS9L --csv tickets.csv',
    '$ bigtix list --event vvG1zZ9KqAkS9L --csv tickets.csv --dry-run',
    '$ bigtix list --event vvG1zZ9KqAkS9L --csv prices-in-cents.csv --cents --yes --json',
    '$ bigtix list --event vvG1zZ9KqAkS9L --count 200 --price 89.50 --serial-prefix SEC101-ROW4-',
    '$ bigtix list --csv tickets.csv          # on a terminal: search and pick the event',
    '',
    'Example tickets.csv:',
    '  serialNumber,price,title,description',
    '  A-0001,125.00,Floor GA,Standing',
    '  A-0002,"1,250.00",VIP box,"Seat 1, row A"',
  ]);
  return cmd.action(async (_opts, c: Command) => runList(optionsOf<ListOptions>(c), getDeps()));
}

function intOption(value: string | undefined, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

async function readDrafts(opts: ListOptions, deps: Deps): Promise<{ result: DraftResult; source: string }> {
  const generated = opts.count !== undefined || opts.price !== undefined || opts.serialPrefix !== undefined;
  if (opts.csv && generated) throw new UsageError('use either --csv or --count/--price/--serial-prefix, not both');
  if (opts.csv) {
    if (opts.title || opts.description)
      throw new UsageError('--title and --description apply to generated tickets; put them in CSV columns instead');
    let text: string;
    try {
      text = await deps.readFile(opts.csv);
    } catch (err) {
      throw new UsageError(`cannot read ${opts.csv}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    return { result: draftsFromCsv(text, { cents: opts.cents }), source: opts.csv };
  }
  if (!generated)
    throw new UsageError('say what to list: --csv <file>, or --count <n> --price <price> --serial-prefix <prefix>');
  const missing = [
    ['--count', opts.count],
    ['--price', opts.price],
    ['--serial-prefix', opts.serialPrefix],
  ]
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length) throw new UsageError(`generated tickets also need ${missing.join(' and ')}`);
  const count = Number(opts.count);
  return {
    result: draftsFromGenerator({
      count,
      price: opts.price!,
      serialPrefix: opts.serialPrefix!,
      cents: opts.cents,
      title: opts.title,
      description: opts.description,
    }),
    source: 'generated',
  };
}

async function resolveEvent(
  opts: ListOptions,
  deps: Deps,
  api: Parameters<typeof pickEvent>[0],
): Promise<EventSummaryDto> {
  if (opts.event) {
    if (!ticketmasterEventIdSchema.safeParse(opts.event).success)
      throw new UsageError(`--event "${opts.event}" is not a Ticketmaster event id`);
    return api.getEvent(opts.event);
  }
  if (!deps.interactive)
    throw new UsageError('--event is required when not on a terminal (find ids with `bigtix events search`)');
  return pickEvent(api, deps);
}

function describePlan(drafts: ListingDraft[], tickets: TicketInput[], fees: FeeSchedule): string {
  const prices = drafts.map((d) => d.price);
  const total = prices.reduce((a, b) => a + b, 0);
  const proceeds = prices.reduce((a, p) => a + sellerProceeds(p, fees), 0);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const range = min === max ? formatCents(min) : `${formatCents(min)}–${formatCents(max)}`;
  return (
    `${tickets.length} ticket(s) at ${range} each, ${formatCents(total)} in total; ` +
    `you receive ${formatCents(proceeds)} if all sell (after the ${percent(fees.sellerFeeBps)} seller fee, paid after the event)`
  );
}

export interface ListSummary {
  event: { id: string; name: string };
  total: number;
  created: number;
  alreadyListed: number;
  failed: number;
  rows: { ref: string; serialNumber: string; status: RowOutcome['status']; ticketId?: string; message?: string }[];
}

export async function runList(opts: ListOptions, deps: Deps): Promise<void> {
  if (opts.csv && isBrokerHeader(await deps.readFile(opts.csv).catch(() => '')))
    return runBrokerList({ ...opts, csv: opts.csv }, deps);
  const concurrency = intOption(opts.concurrency ?? '3', '--concurrency', 1, 8);
  const batchSize = intOption(opts.batchSize ?? String(BULK_CREATE_MAX), '--batch-size', 1, BULK_CREATE_MAX);
  const { result, source } = await readDrafts(opts, deps);
  if (result.problems.length) {
    if (opts.json) deps.out.json({ ok: false, listed: 0, problems: result.problems });
    throw new UsageError(`${result.problems.length} problem(s) in ${source}; nothing was listed`, result.problems);
  }

  const { api } = await deps.session(opts);
  // Before any prompt: a seller who is signed out should not pick an event for nothing.
  if (!opts.dryRun && !api.signedIn) throw new NotSignedInError();
  const event = await resolveEvent(opts, deps, api);
  const tickets = toTicketInputs(result.drafts, event);
  const fees = await feeSchedule(api, deps.out);
  const plan = describePlan(result.drafts, tickets, fees);
  if (!opts.json) {
    deps.out.info(`Event:   ${deps.out.bold(describeEvent(event))} (${event.id})`);
    deps.out.info(`Listing: ${plan} from ${source}`);
  }

  if (opts.dryRun) {
    if (opts.json) {
      deps.out.json({
        dryRun: true,
        event: { id: event.id, name: event.name },
        count: tickets.length,
        fees,
        proceeds: tickets.reduce((a, t) => a + sellerProceeds(t.price, fees), 0),
        tickets: tickets.map((t) => ({ ...t, proceeds: sellerProceeds(t.price, fees) })),
      });
    } else {
      const shown = tickets.slice(0, 20);
      deps.out.data(
        formatTable(
          ['REF', 'SERIAL', 'PRICE', 'PROCEEDS', 'TITLE'],
          shown.map((t, i) => [
            result.drafts[i].label,
            t.serialNumber,
            formatCents(t.price),
            formatCents(sellerProceeds(t.price, fees)),
            truncate(t.title, 50),
          ]),
        ),
      );
      if (tickets.length > shown.length) deps.out.data(`… and ${tickets.length - shown.length} more`);
      deps.out.info('Dry run: nothing was sent.');
    }
    return;
  }

  if (deps.interactive && !opts.yes) {
    const ok = await deps.prompts.confirm(`List ${tickets.length} ticket(s) for ${event.name}?`, true);
    if (!ok) throw new CliError('cancelled; nothing was listed', ExitCode.usage);
  }

  const progress = deps.out.progress(tickets.length, 'Listing');
  const outcomes = await sendInBatches(api, tickets, {
    concurrency,
    batchSize,
    onProgress: (n) => progress.tick(n),
    onRetry: (m) => deps.out.warn(`\n${m}`),
  });
  progress.finish();

  const summary = summarize(event, result.drafts, outcomes);
  report(summary, opts, deps);
  if (summary.failed > 0) {
    const failedLines = summary.rows
      .filter((r) => r.status === 'failed')
      .map((r) => `${r.ref} (${r.serialNumber}): ${r.message}`);
    const shown = failedLines.slice(0, 50);
    if (failedLines.length > shown.length)
      shown.push(`… and ${failedLines.length - shown.length} more (use --json for all)`);
    if (summary.failed === summary.total)
      throw new CliError(`none of the ${summary.total} ticket(s) could be listed`, ExitCode.error, shown);
    throw new PartialFailureError(
      `${summary.failed} of ${summary.total} ticket(s) failed; the rest are listed. Fix them and run the same command again.`,
      shown,
    );
  }
}

function summarize(event: EventSummaryDto, drafts: ListingDraft[], outcomes: RowOutcome[]): ListSummary {
  const rows = outcomes.map((o, i) => ({
    ref: drafts[i].label,
    serialNumber: drafts[i].serialNumber,
    status: o.status,
    ...(o.status === 'failed' ? { message: o.message } : { ticketId: o.ticketId }),
  }));
  const count = (s: RowOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    event: { id: event.id, name: event.name },
    total: outcomes.length,
    created: count('created'),
    alreadyListed: count('already_listed'),
    failed: count('failed'),
    rows,
  };
}

function report(summary: ListSummary, opts: ListOptions, deps: Deps): void {
  if (opts.json) return deps.out.json(summary);
  deps.out.data(`created: ${summary.created}  already listed: ${summary.alreadyListed}  failed: ${summary.failed}`);
  if (summary.failed === 0)
    deps.out.success(
      `Done: ${summary.created + summary.alreadyListed} of ${summary.total} ticket(s) are listed for ${summary.event.name}.`,
    );
}
