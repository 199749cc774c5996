import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './wait-for';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(REPO_ROOT, 'tools/mailpit/ensure-mailpit.sh');

/** The version pinned in the build script, so tests and the script cannot disagree. */
export function pinnedMailpitVersion(): string {
  const match = /MAILPIT_VERSION:-(v[0-9.]+)/.exec(readFileSync(SCRIPT, 'utf8'));
  if (!match) throw new Error(`cannot read the pinned Mailpit version from ${SCRIPT}`);
  return match[1];
}

/** Where ensure-mailpit.sh caches the binary (MAILPIT_BIN overrides). */
export function mailpitBinary(): string {
  if (process.env.MAILPIT_BIN) return process.env.MAILPIT_BIN;
  const cacheRoot =
    process.env.BIGTIX_CACHE_DIR ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'bigtix');
  return path.join(cacheRoot, 'tools', `mailpit-${pinnedMailpitVersion()}`, 'mailpit');
}

/** One message as Mailpit's API lists it. */
export interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string; Name: string }[];
  From: { Address: string; Name: string };
  Created: string;
}

/** One message in full (`/api/v1/message/{ID}`). */
export interface MailMessage extends MailSummary {
  Text: string;
  HTML: string;
}

export interface RunningMailpit {
  /** What the services get as SMTP_URL. */
  smtpUrl: string;
  /** Mailpit's web UI and HTTP API. */
  apiUrl: string;
  /** Every message to this address, newest first, in full. */
  messagesTo(address: string): Promise<MailMessage[]>;
  /** Polls until a message to `to` whose subject matches arrives; returns it in full. */
  waitForMessage(to: string, subject?: RegExp, timeoutMs?: number): Promise<MailMessage>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/**
 * A private Mailpit for one test file: real SMTP in, the mail read back through Mailpit's HTTP
 * API, so a test follows the link in the email a person would get. Its store is a temporary
 * file Mailpit deletes on exit. Fails loudly when the binary is missing (run
 * tools/mailpit/ensure-mailpit.sh; `make test` does).
 */
export async function startMailpit(): Promise<RunningMailpit> {
  const bin = mailpitBinary();
  if (!existsSync(bin))
    throw new Error(`Mailpit is not built (looked for ${bin}). Run: bash tools/mailpit/ensure-mailpit.sh`);
  const smtpPort = await freePort();
  const httpPort = await freePort();
  const apiUrl = `http://127.0.0.1:${httpPort}`;
  let output = '';
  const child: ChildProcess = spawn(
    bin,
    ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${httpPort}`, '--quiet', '--disable-version-check'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | string | null = null;
  child.once('exit', (code, signal) => (exited = signal ?? code ?? 0));
  await waitFor(
    async () => {
      if (exited !== null) throw new Error(`Mailpit exited (${exited}) during start:\n${output}`);
      const res = await fetch(`${apiUrl}/readyz`).catch(() => null);
      return res?.ok === true;
    },
    { what: `Mailpit at ${apiUrl}`, timeoutMs: 15_000, intervalMs: 50 },
  );

  const messagesTo = async (address: string): Promise<MailMessage[]> => {
    const query = encodeURIComponent(`to:"${address}"`);
    const found = await getJson<{ messages: MailSummary[] }>(`${apiUrl}/api/v1/search?query=${query}`);
    // Search matches substrings; keep the exact recipient only.
    const exact = found.messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
    return Promise.all(exact.map((m) => getJson<MailMessage>(`${apiUrl}/api/v1/message/${m.ID}`)));
  };

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    apiUrl,
    messagesTo,
    async waitForMessage(to, subject = /.*/, timeoutMs = 10_000) {
      return waitFor(async () => (await messagesTo(to)).find((m) => subject.test(m.Subject)), {
        what: `an email to ${to} with subject ${subject}`,
        timeoutMs,
        intervalMs: 100,
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
