import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { processDeps } from '../../lib/deps';

export function makeLogoutCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('logout')
    .summary('forget the saved token')
    .description('Delete the saved token from this machine. A token in BIGTIX_TOKEN is not affected.');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix logout']);
  return cmd.action(async (_opts, c: Command) => runLogout(optionsOf<GlobalOptions>(c), getDeps()));
}

export async function runLogout(opts: GlobalOptions, deps: Deps): Promise<void> {
  const removed = await deps.config.clear();
  if (opts.json) deps.out.json({ signedOut: true, removed });
  else deps.out.info(removed ? 'Signed out; the saved token was deleted.' : 'Not signed in; nothing to do.');
  if (deps.env.BIGTIX_TOKEN) deps.out.warn('note: BIGTIX_TOKEN is still set in your environment');
}
