import { Command } from 'commander';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { processDeps } from '../../lib/deps';
import { NotSignedInError, UsageError } from '../../lib/errors';

export interface TokensRevokeOptions extends GlobalOptions {
  tokenId: string;
}

export function makeTokensRevokeCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('revoke')
    .summary('revoke one of your CLI tokens')
    .description('Revoke a CLI token (a lost laptop, a leaked CI secret): it answers 401 everywhere within seconds.')
    .argument('<tokenId>', 'token id (from `bigtix tokens list`)');
  withJson(cmd);
  withExamples(cmd, ['$ bigtix tokens revoke 3f2a9c0e5b7d41a6b8c9d0e1f2a3b4c5']);
  return cmd.action(async (tokenId: string, _opts, c: Command) =>
    runTokensRevoke({ ...optionsOf<TokensRevokeOptions>(c), tokenId }, getDeps()),
  );
}

export async function runTokensRevoke(opts: TokensRevokeOptions, deps: Deps): Promise<void> {
  if (!/^[0-9a-f]{32}$/.test(opts.tokenId)) throw new UsageError(`not a token id: ${opts.tokenId} (32 hex characters)`);
  const { api } = await deps.session(opts);
  if (!api.signedIn) throw new NotSignedInError();
  await api.revokeToken(opts.tokenId);
  if (opts.json) deps.out.json({ id: opts.tokenId, revoked: true });
  else deps.out.info(`Revoked ${opts.tokenId}.`);
}
