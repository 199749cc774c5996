import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { NotSignedInError } from '../../lib/errors';
import { processDeps } from '../../lib/deps';
import type { UserDto } from '@bigtix/common';

export function makeWhoamiCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('whoami')
    .summary('show who you are signed in as')
    .description('Ask the API who the saved (or BIGTIX_TOKEN) token belongs to. Exit code 4 when signed out.');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix whoami', '$ bigtix whoami --json | jq -r .email', '$ BIGTIX_TOKEN=eyJ… bigtix whoami']);
  return cmd.action(async (_opts, c: Command) => runWhoami(optionsOf<GlobalOptions>(c), getDeps()));
}

/** The signed-in user, or NotSignedInError; shared by commands that need the caller's id. */
export async function requireCurrentUser(deps: Deps, opts: GlobalOptions): Promise<{ user: UserDto; apiUrl: string }> {
  const { api, settings } = await deps.session(opts);
  if (!settings.token) throw new NotSignedInError();
  const { currentUser } = await api.currentUser();
  if (!currentUser)
    throw new NotSignedInError('the saved token is expired or not valid for this server; run `bigtix login`');
  return { user: currentUser, apiUrl: settings.apiUrl };
}

export async function runWhoami(opts: GlobalOptions, deps: Deps): Promise<void> {
  const { user, apiUrl } = await requireCurrentUser(deps, opts);
  if (opts.json) deps.out.json({ ...user, apiUrl });
  else {
    deps.out.data(user.email);
    deps.out.info(deps.out.dim(`id ${user.id} on ${apiUrl}`));
  }
}
