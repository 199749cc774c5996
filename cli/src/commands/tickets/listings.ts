import { TICKET_STATUSES, TicketDto, TicketStatus, formatCents, sellerProceeds } from '@bigtix/common';
import { feeSchedule } from '../../lib/fees';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { UsageError } from '../../lib/errors';
import { formatTable, truncate } from '../../lib/output';
import { requireCurrentUser } from '../auth/whoami';
import { runListingGroups } from '../listings/listing-groups';

export interface ListingsOptions extends GlobalOptions {
  event?: string;
  status?: string;
  groups?: boolean;
}

export function makeListingsCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('listings')
    .summary('show your listings')
    .description('Every ticket you have listed (all pages), newest first, optionally only one event or status.')
    .option('--event <eventId>', 'only tickets for this Ticketmaster event')
    .option('--status <status>', `only tickets with this status (${TICKET_STATUSES.join(', ')})`)
    .option(
      '--groups',
      'one line per listing (group of seats): section, row, seats, available/quantity, price, proceeds',
    );
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix listings',
    '$ bigtix listings --event vvG1zZ9KqAkS9L --status available',
    '$ bigtix listings --status sold --json | jq "map(.proceeds) | add"',
    '$ bigtix listings --groups --event vvG1zZ9KqAkS9L',
  ]);
  return cmd.action(async (_opts, c: Command) => runListings(optionsOf<ListingsOptions>(c), getDeps()));
}

export async function runListings(opts: ListingsOptions, deps: Deps): Promise<void> {
  if (opts.status && !TICKET_STATUSES.includes(opts.status as TicketStatus)) {
    throw new UsageError(`--status must be one of ${TICKET_STATUSES.join(', ')}`);
  }
  if (opts.groups) return runListingGroups(opts, deps);
  const { user } = await requireCurrentUser(deps, opts);
  const { api } = await deps.session(opts);
  const all: TicketDto[] = [];
  let cursor: string | undefined;
  // The API filters by status; the event filter is applied here while walking every page.
  do {
    const page = await api.userTickets(user.id, { cursor, status: opts.status });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const tickets = all.filter(
    (t) => (!opts.event || t.eventId === opts.event) && (!opts.status || t.status === opts.status),
  );

  const fees = await feeSchedule(api, deps.out);
  // `proceeds`: what the seller receives for the ticket once sold (price − seller fee).
  if (opts.json) return deps.out.json(tickets.map((t) => ({ ...t, proceeds: sellerProceeds(t.price, fees) })));
  if (tickets.length === 0) {
    deps.out.info('No listings match.');
    return;
  }
  deps.out.data(
    formatTable(
      ['ID', 'STATUS', 'PRICE', 'PROCEEDS', 'EVENT', 'SERIAL', 'TITLE'],
      tickets.map((t) => [
        t.id,
        t.status,
        formatCents(t.price, t.currency),
        formatCents(sellerProceeds(t.price, fees), t.currency),
        t.eventId,
        t.serialNumber ?? '',
        truncate(t.title, 40),
      ]),
    ),
  );
  deps.out.info(deps.out.dim(`${tickets.length} listing(s)`));
}
