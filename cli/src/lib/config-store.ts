import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StoredConfig {
  /** The API the token was issued by: a token only means something to the server that signed it. */
  apiUrl?: string;
  token?: string;
  expiresAt?: string;
  email?: string;
}

export function configDir(env: NodeJS.ProcessEnv): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(os.homedir(), '.config');
  return path.join(base, 'bigtix');
}

/** `$XDG_CONFIG_HOME/bigtix/config.json`, readable by its owner only: it holds a bearer token. */
export class ConfigStore {
  readonly dir: string;
  readonly file: string;

  constructor(env: NodeJS.ProcessEnv) {
    this.dir = configDir(env);
    this.file = path.join(this.dir, 'config.json');
  }

  async read(): Promise<StoredConfig> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    try {
      const value = JSON.parse(text) as unknown;
      return typeof value === 'object' && value !== null ? (value as StoredConfig) : {};
    } catch {
      // A hand-edited, broken file should not lock the seller out: treat it as signed out.
      return {};
    }
  }

  async write(config: StoredConfig): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await fs.chmod(this.dir, 0o700);
    // Write a private temp file and rename it, so the token is never briefly world-readable
    // and a crash never leaves half a file.
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await fs.chmod(tmp, 0o600);
    await fs.rename(tmp, this.file);
  }

  async clear(): Promise<boolean> {
    try {
      await fs.unlink(this.file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}
