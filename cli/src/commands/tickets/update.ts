import { formatCents, issuesToErrors, updateTicketSchema } from '@bigtix/common';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError, UsageError } from '../../lib/errors';
import { parsePrice } from '../../lib/listing-input';

export interface UpdateOptions extends GlobalOptions {
  ticketId: string;
  price?: string;
  title?: string;
  description?: string;
  cents?: boolean;
}

export function makeUpdateCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('update')
    .summary("change a listing's price, title or description")
    .argument('<ticketId>', 'ticket id (from `bigtix listings`)')
    .option('--price <price>', 'new price in dollars (or cents with --cents)')
    .option('--title <title>', 'new title')
    .option('--description <text>', 'new description')
    .option('--cents', 'the price is whole cents');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix update 665f1c2e9b1e8a0012345678 --price 140.00',
    '$ bigtix update 665f1c2e9b1e8a0012345678 --title "Floor GA, early entry" --description "Includes lanyard"',
    '$ bigtix update 665f1c2e9b1e8a0012345678 --price 14000 --cents --json',
  ]);
  return cmd.action(async (ticketId: string, _opts, c: Command) =>
    runUpdate({ ...optionsOf<UpdateOptions>(c), ticketId }, getDeps()),
  );
}

export async function runUpdate(opts: UpdateOptions, deps: Deps): Promise<void> {
  let price: number | undefined;
  if (opts.price !== undefined) {
    const p = parsePrice(opts.price, Boolean(opts.cents));
    if (p === null)
      throw new UsageError(
        `--price "${opts.price}" is not ${opts.cents ? 'a whole number of cents' : 'a dollar amount (like 125.00)'}`,
      );
    price = p;
  }
  const parsed = updateTicketSchema.safeParse({
    id: opts.ticketId,
    price,
    title: opts.title,
    description: opts.description,
  });
  if (!parsed.success) {
    const problems = issuesToErrors(parsed.error).map((e) => e.message.replace(/^id /, 'ticket id '));
    throw new UsageError(problems.length === 1 ? problems[0] : 'invalid update', problems.length === 1 ? [] : problems);
  }
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const ticket = await api.updateTicket(parsed.data);
  if (opts.json) return deps.out.json(ticket);
  deps.out.data(`${ticket.id}  ${formatCents(ticket.price, ticket.currency)}  ${ticket.title}`);
  deps.out.success(`Updated (version ${ticket.version}).`);
}
