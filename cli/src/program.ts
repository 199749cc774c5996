import { Command } from 'commander';
import { makeLoginCommand } from './commands/auth/login';
import { makeLogoutCommand } from './commands/auth/logout';
import { makeWhoamiCommand } from './commands/auth/whoami';
import { makeEventsSearchCommand } from './commands/events/search';
import { makeEventsShowCommand } from './commands/events/show';
import { makeSalesCommand } from './commands/payouts/sales';
import { makePayoutsSetupCommand } from './commands/payouts/setup';
import { makePayoutsStatusCommand } from './commands/payouts/status';
import { makeDelistCommand } from './commands/tickets/delist';
import { makeSyncCommand } from './commands/listings/sync';
import { makeRepriceCommand } from './commands/listings/reprice';
import { makeListCommand } from './commands/tickets/list';
import { makeListingsCommand } from './commands/tickets/listings';
import { makeUpdateCommand } from './commands/tickets/update';
import { makeTokensListCommand } from './commands/tokens/list';
import { makeTokensRevokeCommand } from './commands/tokens/revoke';
import { withExamples } from './lib/command-help';
import type { Deps } from './lib/deps';
import { processDeps } from './lib/deps';

const { version } = require('../package.json') as { version: string };

/** The whole `bigtix` command tree; never exits the process (commander errors are thrown). */
export function buildProgram(getDeps: () => Deps = processDeps): Command {
  const program = new Command('bigtix')
    .description('BigTix seller CLI: sign in, find events, and list tickets for sale in bulk.')
    .version(version, '-v, --version')
    .option('--api-url <url>', 'BigTix API origin (env BIGTIX_API_URL, default http://localhost:3000)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError();

  const events = new Command('events')
    .summary('find Ticketmaster events to sell for')
    .description('Find events: their ids are what `bigtix list --event` takes.');
  events.addCommand(makeEventsSearchCommand(getDeps)).addCommand(makeEventsShowCommand(getDeps));
  withExamples(events, ['$ bigtix events search "hamilton" --city Chicago', '$ bigtix events show vvG1zZ9KqAkS9L']);

  const payouts = new Command('payouts')
    .summary('get paid: connect your Stripe account, see your payouts')
    .description('Sellers are paid after the event, to a Stripe account: set it up once, then follow your payouts.');
  payouts.addCommand(makePayoutsSetupCommand(getDeps)).addCommand(makePayoutsStatusCommand(getDeps));
  withExamples(payouts, ['$ bigtix payouts setup', '$ bigtix payouts status']);
  const tokens = new Command('tokens')
    .summary('list or revoke your CLI tokens')
    .description('CLI tokens of your account: see which exist and revoke the ones you no longer trust.');
  tokens.addCommand(makeTokensListCommand(getDeps)).addCommand(makeTokensRevokeCommand(getDeps));
  withExamples(tokens, ['$ bigtix tokens list', '$ bigtix tokens revoke 3f2a9c0e5b7d41a6b8c9d0e1f2a3b4c5']);

  program
    .addCommand(makeLoginCommand(getDeps))
    .addCommand(makeLogoutCommand(getDeps))
    .addCommand(makeWhoamiCommand(getDeps))
    .addCommand(tokens)
    .addCommand(events)
    .addCommand(makeListCommand(getDeps))
    .addCommand(makeListingsCommand(getDeps))
    .addCommand(makeUpdateCommand(getDeps))
    .addCommand(makeDelistCommand(getDeps))
    .addCommand(makeSyncCommand(getDeps))
    .addCommand(makeRepriceCommand(getDeps))
    .addCommand(payouts)
    .addCommand(makeSalesCommand(getDeps));

  withExamples(program, [
    '$ bigtix login',
    '$ bigtix events search "taylor swift"',
    '$ bigtix list --event vvG1zZ9KqAkS9L --csv tickets.csv',
    '$ bigtix listings --status available',
    '$ bigtix payouts setup',
    '$ bigtix sales',
    '',
    'Environment: BIGTIX_API_URL, BIGTIX_TOKEN, XDG_CONFIG_HOME, NO_COLOR.',
    'Exit codes: 0 ok, 1 error, 2 usage error or cancelled, 3 partial failure, 4 not signed in.',
  ]);

  // Applied to every command: addCommand() does not copy these settings to subcommands.
  const configure = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(configure);
  };
  configure(program);
  return program;
}
