import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError } from '../../lib/errors';

export interface PayoutsSetupOptions extends GlobalOptions {
  open?: boolean;
}

export function makePayoutsSetupCommand(getDeps: () => Deps = processDeps, opener = openInBrowser): Command {
  const cmd = new Command('setup')
    .summary('connect a Stripe account to get paid')
    .description(
      'Prints a link to Stripe’s onboarding for your payout account (created the first time). Links are single use\n' +
        'and expire within minutes: run it again for a new one. Until onboarding is finished, your sales wait.',
    )
    .option('--open', 'also open the link in your browser');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix payouts setup',
    '$ bigtix payouts setup --open',
    '$ bigtix payouts setup --json | jq -r .url',
  ]);
  return cmd.action(async (_o, c: Command) => runPayoutsSetup(optionsOf<PayoutsSetupOptions>(c), getDeps(), opener));
}

export async function runPayoutsSetup(
  opts: PayoutsSetupOptions,
  deps: Deps,
  opener: (url: string) => void = openInBrowser,
): Promise<void> {
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const { url } = await api.startOnboarding();
  if (opts.json) return deps.out.json({ url });
  deps.out.info('Finish setting up payouts with Stripe (the link works once, for a few minutes):');
  deps.out.data(url);
  if (opts.open) opener(url);
}

/** The platform's "open a URL" command; failures are ignored (the link is printed anyway). */
export function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}
