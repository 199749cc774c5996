import { formatCents } from '@bigtix/common';
import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError } from '../../lib/errors';

export function makePayoutsStatusCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('status')
    .summary('your payout account and what you have been paid')
    .description(
      'Whether your payout account can be paid, what Stripe still needs, whether your email is verified (payouts wait until it is), and your totals: paid, upcoming, reversed.',
    );
  withJson(cmd);
  withExamples(cmd, ['$ bigtix payouts status', '$ bigtix payouts status --json']);
  return cmd.action(async (_o, c: Command) => runPayoutsStatus(optionsOf<GlobalOptions>(c), getDeps()));
}

const ACCOUNT_TEXT = {
  none: 'not set up: run `bigtix payouts setup` to get paid',
  pending: 'set up started, not finished: run `bigtix payouts setup` again to continue',
  enabled: 'ready: payouts enabled',
} as const;

export async function runPayoutsStatus(opts: GlobalOptions, deps: Deps): Promise<void> {
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const [account, summary] = await Promise.all([api.payoutAccount(), api.salesSummary()]);
  if (opts.json) return deps.out.json({ account, summary });
  const c = (n: number) => formatCents(n, summary.currency);
  deps.out.data(`Account:   ${ACCOUNT_TEXT[account.status]}`);
  if (account.requirements.length > 0) deps.out.data(`Stripe needs: ${account.requirements.join(', ')}`);
  // An older payments service does not say; only an explicit false means payouts wait.
  if (account.emailVerified === false)
    deps.out.data('Email:     not verified: payouts wait until you click the link we emailed you');
  deps.out.data(`Sales:     ${summary.sales} (${c(summary.gross)} gross, ${c(summary.fees)} fees)`);
  deps.out.data(`Paid:      ${c(summary.paid)}`);
  deps.out.data(`Upcoming:  ${c(summary.upcoming)}`);
  if (summary.byStatus.awaiting_account > 0)
    deps.out.data(`Waiting for your account: ${c(summary.byStatus.awaiting_account)}`);
  if (summary.byStatus.reversed > 0) deps.out.data(`Reversed (refunded after payout): ${c(summary.byStatus.reversed)}`);
}
