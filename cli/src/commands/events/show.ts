import { ticketmasterEventIdSchema } from '@bigtix/common';
import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { UsageError } from '../../lib/errors';
import { formatEventDate } from '../../lib/event-format';
import { formatTable } from '../../lib/output';
import { processDeps } from '../../lib/deps';

export interface EventsShowOptions extends GlobalOptions {
  eventId: string;
}

export function makeEventsShowCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('show')
    .summary("show one event's details")
    .argument('<eventId>', 'Ticketmaster event id (from `bigtix events search`)');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix events show vvG1zZ9KqAkS9L', '$ bigtix events show vvG1zZ9KqAkS9L --json']);
  return cmd.action(async (eventId: string, _opts, c: Command) =>
    runEventsShow({ ...optionsOf<EventsShowOptions>(c), eventId }, getDeps()),
  );
}

export async function runEventsShow(opts: EventsShowOptions, deps: Deps): Promise<void> {
  if (!ticketmasterEventIdSchema.safeParse(opts.eventId).success)
    throw new UsageError(`"${opts.eventId}" is not a Ticketmaster event id`);
  const { api } = await deps.session(opts);
  const e = await api.getEvent(opts.eventId);
  if (opts.json) return deps.out.json(e);
  const rows: [string, string][] = [
    ['id', e.id],
    ['name', e.name],
    ['date', formatEventDate(e.date) + (e.timezone ? ` (${e.timezone})` : '')],
    ['venue', e.venue.name],
    ['city', [e.venue.city, e.venue.state, e.venue.country].filter(Boolean).join(', ')],
    ['status', e.status],
    ['category', e.classification ?? ''],
    [
      'price range',
      e.priceRange ? `${e.priceRange.min}–${e.priceRange.max} ${e.priceRange.currency.toUpperCase()}` : '',
    ],
    ['url', e.url],
    ['info', e.info ?? ''],
  ];
  deps.out.data(
    formatTable(
      ['FIELD', 'VALUE'],
      rows.filter(([, v]) => v !== ''),
    ),
  );
}
