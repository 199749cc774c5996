import { ApiClient } from './api-client';
import { ConfigStore } from './config-store';
import { Output } from './output';
import { Prompts, inquirerPrompts, noPrompts } from './prompts';
import { Settings, resolveSettings } from './settings';

/** Flags every command accepts. */
export interface GlobalOptions {
  apiUrl?: string;
  json?: boolean;
}

/** Everything a command's runX() touches outside its arguments; tests build their own. */
export interface Deps {
  out: Output;
  env: NodeJS.ProcessEnv;
  /** stdin and stderr are terminals: prompts, confirmation and the progress bar are allowed. */
  interactive: boolean;
  /** stdin alone is a terminal: reading it would wait for typing, not for a pipe. */
  stdinIsTTY: boolean;
  prompts: Prompts;
  config: ConfigStore;
  session(options: GlobalOptions): Promise<{ api: ApiClient; settings: Settings }>;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

export function processDeps(): Deps {
  const env = process.env;
  const out = new Output(process.stdout, process.stderr, env);
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  const config = new ConfigStore(env);
  return {
    out,
    env,
    interactive,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    prompts: interactive ? inquirerPrompts() : noPrompts(),
    config,
    async session(options) {
      const settings = resolveSettings(options, env, await config.read());
      return { api: new ApiClient({ apiUrl: settings.apiUrl, token: settings.token }), settings };
    },
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readFile: (path) => require('node:fs/promises').readFile(path, 'utf8'),
  };
}
