import { PAYOUT_STATUSES, PayoutStatus, SaleDto, formatCents } from '@bigtix/common';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError, UsageError } from '../../lib/errors';
import { formatTable } from '../../lib/output';

export interface SalesOptions extends GlobalOptions {
  event?: string;
  status?: string;
}

const WHEN: Record<PayoutStatus, (s: SaleDto) => string> = {
  pending_event: (s) => (s.payableAt ? `after the event (${s.payableAt.slice(0, 10)})` : 'after the event'),
  awaiting_account: () => 'when you finish `bigtix payouts setup`',
  scheduled: () => 'now (next payout run)',
  paid: (s) => `paid (${s.transferId})`,
  reversed: () => 'refunded to the buyer; payout reversed',
  refunded: () => 'refunded to the buyer; not paid',
};

export function makeSalesCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('sales')
    .summary('what you sold, for how much, and when it pays')
    .description('Your sales, newest first: gross, seller fee, proceeds and payout status for each order.')
    .option('--event <eventId>', 'only sales for this Ticketmaster event')
    .option('--status <status>', `only sales with this payout status (${PAYOUT_STATUSES.join(', ')})`);
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix sales',
    '$ bigtix sales --status pending_event',
    '$ bigtix sales --event vvG1zZ9KqAkS9L --json | jq "map(.proceeds) | add"',
  ]);
  return cmd.action(async (_o, c: Command) => runSales(optionsOf<SalesOptions>(c), getDeps()));
}

export async function runSales(opts: SalesOptions, deps: Deps): Promise<void> {
  if (opts.status && !PAYOUT_STATUSES.includes(opts.status as PayoutStatus)) {
    throw new UsageError(`--status must be one of ${PAYOUT_STATUSES.join(', ')}`);
  }
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const sales: SaleDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.sales({ event: opts.event, status: opts.status, cursor });
    sales.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (opts.json) return deps.out.json(sales);
  if (sales.length === 0) {
    deps.out.info('No sales match.');
    return;
  }
  deps.out.data(
    formatTable(
      ['ORDER', 'SOLD', 'TICKETS', 'GROSS', 'FEE', 'PROCEEDS', 'STATUS', 'PAYS'],
      sales.map((s) => [
        s.orderId,
        s.soldAt.slice(0, 10),
        String(s.tickets.length),
        formatCents(s.gross, s.currency),
        formatCents(s.fee, s.currency),
        formatCents(s.proceeds, s.currency),
        s.status,
        WHEN[s.status](s),
      ]),
    ),
  );
  const total = sales.reduce((t, s) => t + s.proceeds, 0);
  deps.out.info(deps.out.dim(`${sales.length} sale(s), ${formatCents(total)} in proceeds`));
}
