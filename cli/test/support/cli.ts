import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BIN = path.join(__dirname, '..', '..', 'bin', 'bigtix.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A private config home per test, so no test sees another's token (or the developer's). */
export async function tempConfigHome(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'bigtix-cli-test-'));
}

/** The environment the real binary runs with: only what a seller's shell would set. */
export function cliEnv(home: string, apiUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, BIGTIX_API_URL: apiUrl, NO_COLOR: '1', ...extra };
}

/** Runs `node cli/bin/bigtix.js …` as a child process (stdin a pipe, so never a terminal). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export async function signUp(apiUrl: string, email: string, password: string): Promise<{ id: string; email: string }> {
  const res = await fetch(`${apiUrl}/api/users/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; email: string };
}

/** A new seller, signed in through `bigtix login` in a fresh config home. */
export async function signedInSeller(
  apiUrl: string,
  label: string,
): Promise<{ home: string; env: NodeJS.ProcessEnv; user: { id: string; email: string } }> {
  const email = `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  const password = 'correct horse battery';
  const user = await signUp(apiUrl, email, password);
  const home = await tempConfigHome();
  const env = cliEnv(home, apiUrl);
  const res = await runCli(['login', '--email', email], env, `${password}\n`);
  if (res.code !== 0) throw new Error(`login failed (${res.code}): ${res.stderr}`);
  return { home, env, user };
}

/** Every listing of a seller, read straight from the API (not through the CLI under test). */
export async function sellerTickets(
  apiUrl: string,
  userId: string,
): Promise<{ id: string; eventId: string; status: string; serialNumber?: string; title: string; price: number }[]> {
  const all = [];
  let cursor: string | null = null;
  do {
    const q: string = `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await fetch(`${apiUrl}/api/tickets/user/${userId}?${q}`);
    if (!res.ok) throw new Error(`listing tickets failed: ${res.status}`);
    const page = (await res.json()) as { items: never[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export function csvOf(rows: string[][]): string {
  return `${rows.map((r) => r.join(',')).join('\n')}\n`;
}
