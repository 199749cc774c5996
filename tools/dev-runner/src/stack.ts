/**
 * A private BigTix stack from a short description (a topology): which services, how many
 * replicas of each, which fakes, whether a router and the web app run, and how ports and
 * names are chosen. `make dev`, the benchmark stack and the fault-test stack are each one
 * topology; the processes are started by the supervisor and their environment by stackEnv().
 */
import fs from 'node:fs';
import path from 'node:path';
import { RunningBalancer, startBalancer } from './balancer';
import { RunningRouter, Route, startRouter } from './router';
import { REPO_ROOT, ServiceInfo, discoverServices, routesFor } from './services';
import { StackNames, stackEnv } from './stack-env';
import { mailpitBinary } from '@bigtix/testkit';
import { ManagedProcess, OutputMode, freePort, startProcess, stopAll, waitReady } from './supervisor';

/** Run a fake as a process of the stack, use one already running at `url`, or none (real API). */
export type FakeChoice = { run: true; port?: number; env?: Record<string, string> } | { url: string } | false;

export interface Topology {
  /** Services to run (default: every built service under services/). */
  services?: string[];
  /** Processes per service; more than one puts a round-robin balancer in front of them. */
  replicas?: number;
  /** Where ports come from: the standard ports moved by an offset (dev), or free ones. */
  ports: { offset: number } | 'free';
  /** Databases, exchange and queues; absent: the dev defaults. */
  names?: StackNames;
  fakes: { ticketmaster: FakeChoice; stripe: FakeChoice };
  /** Local SMTP for the services' email: a Mailpit of the stack (SMTP + web UI ports), one already running, or none. */
  mail?: { run: true; smtpPort?: number; uiPort?: number } | { smtpUrl: string } | false;
  /** Environment every process starts from, plus what every service gets. */
  env: {
    base: NodeJS.ProcessEnv;
    rabbitmqUrl?: string;
    jwtSecret?: string;
    stripeWebhookSecret?: string;
    /** For every service. */
    services?: Record<string, string | undefined>;
  };
  /** The one-origin router; `separateProcess` keeps proxying off the caller's event loop. */
  router?: { port?: number; host?: string; fallback?: string; extraRoutes?: Route[]; separateProcess?: boolean };
  web?: { mode: 'development' | 'production'; port?: number; publicUrl?: string };
  output: (name: string, index: number) => OutputMode;
  /** Address services listen on (default: each service's own default, 0.0.0.0). */
  serviceHost?: string;
  /** Boot replicas one after the other (on 2 shared cores parallel boots mostly fight for the CPU). */
  sequential?: boolean;
  /** Node options for one service's processes (e.g. `--cpu-prof` for a benchmark's profile). */
  nodeArgs?: (service: string) => string[];
  /** Fail when a service is not ready in time (default); false: report it and go on (make dev). */
  strict?: boolean;
  readyTimeoutMs?: number;
}

export interface ServiceReplica {
  service: string;
  index: number;
  port: number;
  url: string;
  process: ManagedProcess | null;
  ready: boolean;
  /** Its last output lines, kept across restarts (memory output only). */
  lines: string[];
}

export interface RunningStack {
  services: ServiceInfo[];
  replicas: Record<string, ServiceReplica[]>;
  /** Where each service is reached: its replica, or the balancer in front of its replicas. */
  serviceUrls: Record<string, string>;
  routerUrl: string | null;
  router: RunningRouter | null;
  routerProcess: ManagedProcess | null;
  ticketmasterUrl: string | null;
  stripeUrl: string | null;
  /** SMTP_URL the services got, and Mailpit's web UI when the stack runs one. */
  smtpUrl: string | null;
  mailUiUrl: string | null;
  webUrl: string | null;
  processes: ManagedProcess[];
  /** Start a stopped or killed replica again on its port and wait until it is ready. */
  restart(service: string, index?: number): Promise<void>;
  /** Router first (no new requests), then web and services, then the fakes. */
  stop(): Promise<void>;
}

const STANDARD = { router: 3000, web: 3100, stripe: 12111, ticketmaster: 12112, smtp: 1025, mailUi: 8025 };
const DIST = (rel: string) => path.join(REPO_ROOT, rel);

function built(file: string): string {
  if (!fs.existsSync(file))
    throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\` first (the make targets do)`);
  return file;
}

export async function startStack(t: Topology): Promise<RunningStack> {
  const port = async (standard: number, fixed?: number) =>
    fixed ?? (t.ports === 'free' ? await freePort() : standard + t.ports.offset);
  const infos = discoverServices().filter(
    (s) => (!t.services || t.services.includes(s.name)) && fs.existsSync(path.join(s.dir, 'dist', 'index.js')),
  );
  const processes: ManagedProcess[] = [];
  let index = 0;
  const launch = (name: string, args: string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT) => {
    const proc = startProcess({ name, args, env, cwd, output: t.output(name, index++) });
    processes.push(proc);
    return proc;
  };

  const balancers: RunningBalancer[] = [];
  let router: RunningRouter | null = null;
  let routerProcess: ManagedProcess | null = null;
  const stop = async () => {
    await router?.close();
    if (routerProcess) await routerProcess.stop();
    for (const b of balancers) await b.close();
    const fakes = processes.filter((p) => p.name.startsWith('fake-') || p.name === 'mailpit');
    await stopAll(processes.filter((p) => !fakes.includes(p) && p !== routerProcess));
    await stopAll(fakes);
  };

  try {
    const routerPort = t.router ? await port(STANDARD.router, t.router.port) : null;
    let routerUrl = routerPort ? `http://127.0.0.1:${routerPort}` : null;

    const fake = async (kind: 'ticketmaster' | 'stripe'): Promise<string | null> => {
      const choice = t.fakes[kind];
      if (!choice) return null;
      if ('url' in choice) return choice.url;
      const p = await port(STANDARD[kind], choice.port);
      const url = `http://127.0.0.1:${p}`;
      const env =
        kind === 'ticketmaster'
          ? { ...t.env.base, ...choice.env, FAKE_TICKETMASTER_PORT: String(p) }
          : {
              ...t.env.base,
              ...(routerUrl ? { FAKE_STRIPE_WEBHOOK_URL: `${routerUrl}/api/webhooks/stripe` } : {}),
              ...(t.env.stripeWebhookSecret ? { STRIPE_WEBHOOK_SECRET: t.env.stripeWebhookSecret } : {}),
              ...choice.env,
              FAKE_STRIPE_PORT: String(p),
            };
      const proc = launch(`fake-${kind}`, [built(DIST(`tools/fake-${kind}/dist/main.js`))], env);
      await waitReady(proc, kind === 'ticketmaster' ? `${url}/__control/health` : `${url}/__control/deliveries`, {
        ready: (s) => s > 0,
      });
      return url;
    };
    const ticketmasterUrl = await fake('ticketmaster');
    const stripeUrl = await fake('stripe');

    let smtpUrl: string | null = null;
    let mailUiUrl: string | null = null;
    if (t.mail && 'smtpUrl' in t.mail) smtpUrl = t.mail.smtpUrl;
    else if (t.mail) {
      const smtpPort = await port(STANDARD.smtp, t.mail.smtpPort);
      const uiPort = await port(STANDARD.mailUi, t.mail.uiPort);
      const bin = mailpitBinary();
      if (!fs.existsSync(bin)) throw new Error(`Mailpit is not built (${bin}): run \`make mailpit\` (make dev does)`);
      const proc = startProcess({
        name: 'mailpit',
        command: bin,
        args: [
          '--smtp',
          `127.0.0.1:${smtpPort}`,
          '--listen',
          `127.0.0.1:${uiPort}`,
          '--disable-version-check',
          '--quiet',
        ],
        env: t.env.base,
        cwd: REPO_ROOT,
        output: t.output('mailpit', index++),
      });
      processes.push(proc);
      mailUiUrl = `http://127.0.0.1:${uiPort}`;
      await waitReady(proc, `${mailUiUrl}/readyz`);
      smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
    }

    // Ports first, so every service (and the web app) knows where the others are.
    const replicas: Record<string, ServiceReplica[]> = {};
    for (const info of infos) {
      replicas[info.name] = [];
      for (let i = 0; i < (t.replicas ?? 1); i++) {
        const p = await port(info.port + i * 10);
        replicas[info.name].push({
          service: info.name,
          index: i,
          port: p,
          url: `http://127.0.0.1:${p}`,
          process: null,
          ready: false,
          lines: [],
        });
      }
    }
    const serviceUrls: Record<string, string> = {};
    for (const info of infos) {
      const rs = replicas[info.name];
      if (rs.length === 1) serviceUrls[info.name] = rs[0].url;
      else {
        const balancer = await startBalancer(rs.map((r) => r.url));
        balancers.push(balancer);
        serviceUrls[info.name] = balancer.url;
      }
    }
    const envFor = (info: ServiceInfo, r: ServiceReplica) =>
      stackEnv({
        base: t.env.base,
        service: info.name,
        port: r.port,
        host: t.serviceHost,
        names: t.names,
        rabbitmqUrl: t.env.rabbitmqUrl,
        jwtSecret: t.env.jwtSecret,
        ticketmasterUrl: ticketmasterUrl ?? undefined,
        stripeUrl: stripeUrl ?? undefined,
        stripeWebhookSecret: t.env.stripeWebhookSecret,
        smtpUrl: smtpUrl ?? undefined,
        publicUrl: routerPort
          ? (t.web?.publicUrl ?? t.env.base.PUBLIC_URL ?? `http://localhost:${routerPort}`)
          : undefined,
        serviceUrls,
        extra: t.env.services,
      });
    const started = new Map<ServiceReplica, ManagedProcess>();
    const boot = async (info: ServiceInfo, r: ServiceReplica) => {
      const name = (t.replicas ?? 1) > 1 ? `${info.name}#${r.index}` : info.name;
      const output = t.output(name, index);
      const proc = startProcess({
        name,
        args: [...(t.nodeArgs?.(info.name) ?? []), built(path.join(info.dir, 'dist', 'index.js'))],
        env: envFor(info, r),
        cwd: REPO_ROOT,
        output: output.kind === 'memory' ? { ...output, lines: r.lines } : output,
      });
      index++;
      processes.push(proc);
      started.set(r, proc);
      r.process = proc;
      proc.exit.then(() => {
        if (r.process === proc) r.process = null;
      });
      try {
        await waitReady(proc, `${r.url}/readyz`, { timeoutMs: t.readyTimeoutMs ?? 90_000 });
        r.ready = true;
      } catch (err) {
        if (t.strict !== false) throw err;
        console.error(`${name} is not ready: ${(err as Error).message.split('\n')[0]}`);
      }
    };
    const all = infos.flatMap((info) => replicas[info.name].map((r) => [info, r] as const));
    if (t.sequential) for (const [info, r] of all) await boot(info, r);
    else await Promise.all(all.map(([info, r]) => boot(info, r)));
    // A replica that answered its readiness probe and then exited (or whose probe another process
    // answered while it failed to bind) must not pass for running: the router would refuse its calls.
    for (const [r, proc] of started) {
      if (!r.ready || !proc.exited()) continue;
      r.ready = false;
      const message = `${proc.name} exited during start`;
      if (t.strict !== false) throw new Error(`${message}:\n${proc.recentOutput()}`);
      console.error(message);
    }

    let webUrl: string | null = null;
    if (t.web) {
      const webDir = path.join(REPO_ROOT, 'web');
      const webPort = await port(STANDARD.web, t.web.port);
      const nextBin = require.resolve('next/dist/bin/next', { paths: [webDir] });
      const args =
        t.web.mode === 'production' ? ['start', '-p', String(webPort)] : ['dev', '--webpack', '-p', String(webPort)];
      const env = stackEnv({
        base: t.env.base,
        port: webPort,
        names: t.names,
        ticketmasterUrl: ticketmasterUrl ?? undefined,
        stripeUrl: stripeUrl ?? undefined,
        serviceUrls,
        extra: { PUBLIC_URL: t.web.publicUrl ?? t.env.base.PUBLIC_URL ?? `http://localhost:${routerPort}` },
      });
      launch('web', [nextBin, ...args], env, webDir);
      webUrl = `http://127.0.0.1:${webPort}`;
    }

    if (t.router && routerPort) {
      const routes = [
        ...routesFor(infos.map((s) => ({ routes: s.routes, url: serviceUrls[s.name] }))),
        ...(t.router.extraRoutes ?? []),
      ];
      const fallback = t.router.fallback ?? webUrl ?? undefined;
      if (t.router.separateProcess) {
        routerProcess = launch('router', [built(DIST('tools/dev-runner/dist/router-main.js'))], {
          ...t.env.base,
          PORT: String(routerPort),
          ROUTER_HOST: t.router.host ?? '127.0.0.1',
          ROUTER_ROUTES: JSON.stringify(routes),
          ...(fallback ? { ROUTER_FALLBACK: fallback } : {}),
        });
        await waitReady(routerProcess, `${routerUrl}/`, { ready: (s) => s > 0 });
      } else {
        router = await startRouter({ routes, fallback, port: routerPort, host: t.router.host ?? '127.0.0.1' });
        routerUrl = router.url;
      }
    }

    const infoOf = (service: string) => infos.find((i) => i.name === service)!;
    return {
      services: infos,
      replicas,
      serviceUrls,
      routerUrl,
      router,
      routerProcess,
      ticketmasterUrl,
      stripeUrl,
      smtpUrl,
      mailUiUrl,
      webUrl,
      processes,
      async restart(service, i = 0) {
        const r = replicas[service]?.[i];
        if (!r) throw new Error(`no replica ${service}#${i}`);
        if (r.process) throw new Error(`${service}#${i} is still running`);
        await boot(infoOf(service), r);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
