import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { processDeps } from '../../lib/deps';

export function makeLogoutCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('logout')
    .summary('revoke and forget the saved token')
    .description(
      'Revoke the saved token on the server (a copy of it stops working) and delete it from this machine. A token in BIGTIX_TOKEN is not affected.',
    );
  withJson(cmd);
  withExamples(cmd, ['$ bigtix logout']);
  return cmd.action(async (_opts, c: Command) => runLogout(optionsOf<GlobalOptions>(c), getDeps()));
}

export async function runLogout(opts: GlobalOptions, deps: Deps): Promise<void> {
  const saved = await deps.config.read();
  if (saved.token) {
    // Revoke with the saved token itself (not BIGTIX_TOKEN); if the server cannot be reached the
    // local copy is still deleted, and `bigtix tokens revoke` can finish the job later.
    const { api } = await deps.session(opts);
    await api
      .withToken(saved.token, saved.apiUrl ?? api.apiUrl)
      .signOut()
      .catch((err: Error) => deps.out.warn(`could not revoke the token on the server: ${err.message}`));
  }
  const removed = await deps.config.clear();
  if (opts.json) deps.out.json({ signedOut: true, removed });
  else deps.out.info(removed ? 'Signed out; the saved token was deleted.' : 'Not signed in; nothing to do.');
  if (deps.env.BIGTIX_TOKEN) deps.out.warn('note: BIGTIX_TOKEN is still set in your environment');
}
