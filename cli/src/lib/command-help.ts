import { Command } from 'commander';
import type { GlobalOptions } from './deps';

/** Adds the "Examples:" block every command shows in --help, real `$ bigtix …` lines. */
export function withExamples(cmd: Command, examples: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
}

export function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print machine-readable JSON on stdout and nothing else');
}

/** The command's own options merged with the program's (--api-url). */
export function optionsOf<T extends GlobalOptions>(cmd: Command): T {
  return cmd.optsWithGlobals() as T;
}
