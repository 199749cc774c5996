// A private FerretDB for the dev-db tests: its own PostgreSQL database and port, started through
// ensure-dev-db.sh as a developer would (so the script itself is under test), never the shared one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@bigtix/dev-runner';
import { MongoClient } from 'mongodb';

const SCRIPTS = path.resolve(__dirname, '..', '..');
const PG_SERVER = process.env.BIGTIX_TEST_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export interface PrivateFerretDb {
  client: MongoClient;
  /** Runs SQL in the instance's PostgreSQL database (or at `url`) and returns psql's unaligned output. */
  psql(sql: string, url?: string): string;
  /** Runs ensure-dev-db.sh again for this instance (it answers already: only the SQL runs). */
  ensure(): void;
  stop(): Promise<void>;
}

export function psqlAt(url: string, sql: string): string {
  return execFileSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', sql, url], {
    encoding: 'utf8',
  }).trim();
}

/** `poolMaxConns`: the size of FerretDB's PostgreSQL pool (pgx's `pool_max_conns`), to make it run out. */
export async function startPrivateFerretDb(
  name: string,
  options: { poolMaxConns?: number } = {},
): Promise<PrivateFerretDb> {
  const port = await freePort();
  const pgDb = `bigtix_${name}_${process.pid}_${Date.now().toString(36)}`;
  const pgUrl = `${PG_SERVER}/${pgDb}`;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), `bigtix-${name}-`));
  const env = {
    ...process.env,
    FERRETDB_PORT: String(port),
    BIGTIX_CACHE_DIR: cacheDir,
    FERRETDB_POSTGRESQL_URL: options.poolMaxConns ? `${pgUrl}?pool_max_conns=${options.poolMaxConns}` : pgUrl,
  };
  // Reuse the FerretDB binary already built into the normal cache.
  const bin = execFileSync('bash', [path.join(SCRIPTS, 'build-ferretdb.sh')], { encoding: 'utf8' }).trim();
  fs.symlinkSync(path.dirname(bin), path.join(cacheDir, path.basename(path.dirname(bin))));
  const ensure = () => execFileSync('bash', [path.join(SCRIPTS, 'ensure-dev-db.sh')], { env, stdio: 'inherit' });
  ensure();
  const client = await MongoClient.connect(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 10_000 });
  return {
    client,
    psql: (sql, url = pgUrl) => psqlAt(url, sql),
    ensure: () => void ensure(),
    async stop() {
      await client.close(true);
      execFileSync('bash', [path.join(SCRIPTS, 'stop-dev-db.sh')], { env });
      // FerretDB's pool may take a moment to let go; FORCE does not wait for it.
      psqlAt(`${PG_SERVER}/postgres`, `drop database if exists "${pgDb}" with (force)`);
      fs.rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
