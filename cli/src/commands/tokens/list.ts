import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError } from '../../lib/errors';
import { formatTable } from '../../lib/output';

export function makeTokensListCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('list')
    .summary('list your CLI tokens')
    .description('Every CLI token of your account that still works (one per `bigtix login`), newest first.');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix tokens list',
    '$ bigtix tokens list --json | jq -r ".[] | select(.current | not) | .id"',
  ]);
  return cmd.action(async (_opts, c: Command) => runTokensList(optionsOf<GlobalOptions>(c), getDeps()));
}

export async function runTokensList(opts: GlobalOptions, deps: Deps): Promise<void> {
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  const { items } = await api.listTokens();
  if (opts.json) return deps.out.json(items);
  if (items.length === 0) return deps.out.info('No CLI tokens.');
  deps.out.data(
    formatTable(
      ['ID', 'CREATED', 'EXPIRES', ''],
      items.map((t) => [
        t.id,
        t.createdAt.slice(0, 16).replace('T', ' '),
        t.expiresAt.slice(0, 10),
        t.current ? '(this one)' : '',
      ]),
    ),
  );
}
