import { signinSchema } from '@bigtix/common';
import { Command } from 'commander';
import type { Deps, GlobalOptions } from '../../lib/deps';
import { optionsOf, withExamples, withJson } from '../../lib/command-help';
import { UsageError } from '../../lib/errors';
import { processDeps } from '../../lib/deps';

export interface LoginOptions extends GlobalOptions {
  email?: string;
}

export function makeLoginCommand(getDeps: () => Deps = processDeps): Command {
  const cmd = new Command('login')
    .summary('sign in and save a CLI token')
    .description(
      [
        'Sign in with your BigTix email and password. The CLI saves a bearer token',
        '(never the password) in $XDG_CONFIG_HOME/bigtix/config.json (default',
        '~/.config/bigtix/config.json), readable only by you. On a terminal it asks',
        'for what is missing; in scripts pass --email and pipe the password on stdin.',
      ].join('\n'),
    )
    .option('--email <email>', 'account email');
  withJson(cmd);
  withExamples(cmd, [
    '$ bigtix login',
    '$ bigtix login --email seller@example.com',
    '$ printf "%s" "$BIGTIX_PASSWORD" | bigtix login --email seller@example.com',
    '$ bigtix login --api-url https://bigtix.example.com',
  ]);
  return cmd.action(async (_opts, c: Command) => runLogin(optionsOf<LoginOptions>(c), getDeps()));
}

export async function runLogin(opts: LoginOptions, deps: Deps): Promise<void> {
  let email = opts.email;
  if (!email) {
    if (!deps.interactive)
      throw new UsageError('--email is required when not on a terminal (and the password on stdin)');
    email = await deps.prompts.input('Email', { required: true });
  }
  let password: string;
  if (deps.interactive) {
    password = await deps.prompts.password('Password');
  } else {
    if (deps.stdinIsTTY)
      throw new UsageError(
        'pipe the password on stdin (for example: printf "%s" "$PASSWORD" | bigtix login --email …)',
      );
    // Only the first line: `echo pw | bigtix login` adds a newline that is not part of the password.
    password = (await deps.readStdin()).split(/\r?\n/)[0];
  }
  const parsed = signinSchema.safeParse({ email: email.trim(), password });
  if (!parsed.success) {
    throw new UsageError(password ? 'the email is not valid' : 'no password given (pipe it on stdin)');
  }

  const { api, settings } = await deps.session(opts);
  const { token, expiresAt } = await api.createToken(parsed.data.email, parsed.data.password);
  await deps.config.write({ apiUrl: settings.apiUrl, token, expiresAt, email: parsed.data.email });

  if (opts.json)
    deps.out.json({ email: parsed.data.email, apiUrl: settings.apiUrl, expiresAt, configFile: deps.config.file });
  else
    deps.out.success(
      `Signed in to ${settings.apiUrl} as ${parsed.data.email} (token saved in ${deps.config.file}, expires ${expiresAt})`,
    );
  if (settings.tokenSource === 'env') deps.out.warn('note: BIGTIX_TOKEN is set and still overrides the saved token');
}
