import { eventSearchQuerySchema, formatCents, issuesToErrors } from '@bigtix/common';
import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { UsageError } from '../../lib/errors';
import { formatEventDate } from '../../lib/event-format';
import { formatTable, truncate } from '../../lib/output';
import { processDeps } from '../../lib/deps';

export interface EventsSearchOptions extends GlobalOptions {
  keyword: string;
  city?: string;
  from?: string;
  to?: string;
  page?: string;
  size?: string;
}

export function makeEventsSearchCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('search')
    .summary('find Ticketmaster events by keyword')
    .description('Search events to sell tickets for. The ID column is what `bigtix list --event` takes.')
    .argument('<keyword>', 'words to search for (artist, team, show)')
    .option('--city <city>', 'only events in this city')
    .option('--from <date>', 'only events on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only events on or before this date (YYYY-MM-DD)')
    .option('--page <n>', 'result page, from 0', '0')
    .option('--size <n>', 'results per page (1-100)', '20');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix events search "taylor swift"',
    '$ bigtix events search coldplay --city London --from 2026-06-01 --to 2026-08-31',
    '$ bigtix events search knicks --json | jq -r ".items[].id"',
  ]);
  return cmd.action(async (keyword: string, _opts, c: Command) =>
    runEventsSearch({ ...optionsOf<EventsSearchOptions>(c), keyword }, getDeps()),
  );
}

export async function runEventsSearch(opts: EventsSearchOptions, deps: Deps): Promise<void> {
  const parsed = eventSearchQuerySchema.safeParse({
    keyword: opts.keyword,
    city: opts.city,
    from: opts.from,
    to: opts.to,
    page: opts.page,
    size: opts.size,
  });
  if (!parsed.success)
    throw new UsageError(
      'invalid search',
      issuesToErrors(parsed.error).map((e) => e.message),
    );
  const { api } = await deps.session(opts);
  const result = await api.searchEvents(parsed.data);
  if (opts.json) return deps.out.json(result);
  if (result.items.length === 0) {
    deps.out.info(`No events found for "${opts.keyword}".`);
    return;
  }
  const rows = result.items.map((e) => [
    e.id,
    formatEventDate(e.date),
    truncate(e.name, 48),
    truncate([e.venue.name, e.venue.city].filter(Boolean).join(', '), 40),
    e.priceRange ? `${formatCents(Math.round(e.priceRange.min * 100), e.priceRange.currency)}+` : '',
  ]);
  deps.out.data(formatTable(['ID', 'DATE', 'NAME', 'VENUE', 'FROM'], rows));
  deps.out.info(
    deps.out.dim(`page ${result.page + 1} of ${Math.max(1, result.totalPages)} · ${result.totalElements} event(s)`),
  );
}
