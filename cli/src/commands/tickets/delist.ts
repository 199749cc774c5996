import { TicketDto, objectIdSchema } from '@bigtix/common';
import { Command } from 'commander';
import { mapLimit } from '../../lib/batches';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { CliError, ExitCode, NotSignedInError, PartialFailureError, UsageError } from '../../lib/errors';

export interface DelistOptions extends GlobalOptions {
  ticketIds: string[];
  yes?: boolean;
}

export function makeDelistCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('delist')
    .summary('withdraw listings from sale')
    .description(
      'Withdraw one or more of your tickets. Held or sold tickets cannot be withdrawn (reported per ticket).',
    )
    .argument('<ticketId...>', 'ticket ids (from `bigtix listings`)')
    .option('-y, --yes', 'do not ask for confirmation');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix delist 665f1c2e9b1e8a0012345678',
    '$ bigtix delist 665f1c2e9b1e8a0012345678 665f1c2e9b1e8a0012345679',
    '$ bigtix listings --event vvG1zZ9KqAkS9L --status available --json | jq -r ".[].id" | xargs bigtix delist',
  ]);
  return cmd.action(async (ticketIds: string[], _opts, c: Command) =>
    runDelist({ ...optionsOf<DelistOptions>(c), ticketIds }, getDeps()),
  );
}

type DelistOutcome =
  { id: string; status: 'withdrawn'; ticket: TicketDto } | { id: string; status: 'failed'; message: string };

export async function runDelist(opts: DelistOptions, deps: Deps): Promise<void> {
  const bad = opts.ticketIds.filter((id) => !objectIdSchema.safeParse(id).success);
  if (bad.length) throw new UsageError(`not ticket id(s): ${bad.join(', ')} (ids are 24 hex characters)`);
  const ids = [...new Set(opts.ticketIds)];
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  if (deps.interactive && !opts.yes) {
    const ok = await deps.prompts.confirm(`Withdraw ${ids.length} ticket(s): ${ids.join(', ')}?`, false);
    if (!ok) throw new CliError('cancelled; nothing was withdrawn', ExitCode.usage);
  }
  const outcomes = await mapLimit(ids, 3, async (id): Promise<DelistOutcome> => {
    try {
      return { id, status: 'withdrawn', ticket: await api.deleteTicket(id) };
    } catch (err) {
      if (err instanceof NotSignedInError) throw err;
      return { id, status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
  });
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (opts.json) deps.out.json(outcomes.map((o) => (o.status === 'failed' ? o : { id: o.id, status: o.status })));
  else for (const o of outcomes) if (o.status === 'withdrawn') deps.out.data(`${o.id}  withdrawn`);
  if (failed.length === 0) return;
  const lines = failed.map((o) => `${o.id}: ${o.status === 'failed' ? o.message : ''}`);
  if (failed.length === outcomes.length)
    throw new CliError(
      ids.length === 1 ? lines[0] : `none of the ${ids.length} ticket(s) could be withdrawn`,
      1,
      ids.length === 1 ? [] : lines,
    );
  throw new PartialFailureError(`${failed.length} of ${ids.length} ticket(s) could not be withdrawn`, lines);
}
