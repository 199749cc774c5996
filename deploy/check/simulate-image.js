#!/usr/bin/env node
// Runs a BigTix Dockerfile without Docker, to prove the image would build and start: each
// stage gets its own directory standing in for its filesystem; COPY honours .dockerignore,
// RUN runs on this machine's Node/npm inside the stage's WORKDIR, and the final stage's CMD is
// started and asked for /healthz, then the image's own HEALTHCHECK command is run.
// Not a container: the base image's OS is this machine's, and absolute paths in RUN are not
// remapped (the BigTix Dockerfiles use relative ones). `npm cache clean` is skipped because
// the stages share this machine's npm cache.
//   node deploy/check/simulate-image.js auth [--keep]
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { parseDockerfile, copyParts } = require('./lib/dockerfile');

const root = path.resolve(__dirname, '..', '..');

function ignoreMatcher() {
  const patterns = fs
    .readFileSync(path.join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const toRegex = (p) =>
    new RegExp(
      '^' +
        p
          .split(/(\*\*\/|\*|\?)/)
          .map((t) =>
            t === '**/'
              ? '(?:.*/)?'
              : t === '*'
                ? '[^/]*'
                : t === '?'
                  ? '[^/]'
                  : t.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
          )
          .join('') +
        '(?:/.*)?$',
    );
  const regexes = patterns.map(toRegex);
  return (rel) => regexes.some((r) => r.test(rel));
}

function copyTree(src, dest, ignored, rel) {
  const st = fs.lstatSync(src);
  if (rel !== undefined && ignored(rel)) return;
  if (st.isSymbolicLink()) {
    // like Docker: the link itself (npm workspaces link node_modules/@bigtix/* to packages/)
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.rmSync(dest, { recursive: true, force: true });
    fs.symlinkSync(fs.readlinkSync(src), dest);
  } else if (st.isDirectory()) {
    fs.mkdirSync(dest, { recursive: true });
    for (const name of fs.readdirSync(src)) {
      copyTree(
        path.join(src, name),
        path.join(dest, name),
        ignored,
        rel === undefined || rel === '' ? name : `${rel}/${name}`,
      );
    }
  } else {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(src, dest);
  }
}

// Docker's COPY: a directory source copies its contents; a file into a dir/ keeps its name.
function dockerCopy(srcAbs, destAbs, destSpec, ignored, relFromContext) {
  if (fs.statSync(srcAbs).isDirectory()) {
    copyTree(srcAbs, destAbs, ignored, relFromContext);
  } else {
    const target =
      destSpec.endsWith('/') || (fs.existsSync(destAbs) && fs.statSync(destAbs).isDirectory())
        ? path.join(destAbs, path.basename(srcAbs))
        : destAbs;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(srcAbs, target);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function buildImage(name, work) {
  const file = path.join(root, 'deploy', 'docker', `${name}.Dockerfile`);
  const { stages } = parseDockerfile(fs.readFileSync(file, 'utf8'));
  const ignored = ignoreMatcher();
  const built = new Map();
  stages.forEach((stage, index) => {
    const id = stage.name || `stage-${index}`;
    const fsRoot = path.join(work, id);
    const parent = built.get(stage.from);
    let state = { fsRoot, workdir: '/', env: {}, user: 'root', cmd: null, healthcheck: null, expose: [] };
    if (parent) {
      execFileSync('cp', ['-a', `${parent.fsRoot}/.`, fsRoot], { stdio: 'inherit' });
      state = { ...parent, env: { ...parent.env }, fsRoot };
    } else {
      fs.mkdirSync(fsRoot, { recursive: true });
    }
    const inRoot = (p) => path.join(fsRoot, path.posix.resolve(state.workdir, p));
    for (const ins of stage.instructions) {
      switch (ins.op) {
        case 'WORKDIR':
          state.workdir = path.posix.resolve(state.workdir, ins.args);
          fs.mkdirSync(inRoot('.'), { recursive: true });
          break;
        case 'ENV':
          for (const m of ins.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) state.env[m[1]] = m[2].replace(/^"|"$/g, '');
          break;
        case 'COPY': {
          const { sources, dest } = copyParts(ins.args);
          const from = ins.flags.from && built.get(ins.flags.from);
          if (ins.flags.from && !from) throw new Error(`COPY --from=${ins.flags.from}: no such stage`);
          for (const src of sources) {
            const srcAbs = from ? path.join(from.fsRoot, src) : path.join(root, src);
            if (!fs.existsSync(srcAbs)) throw new Error(`${name}: COPY ${ins.args}: ${src} does not exist`);
            const rel = from ? undefined : path.relative(root, srcAbs).split(path.sep).join('/');
            dockerCopy(srcAbs, inRoot(dest), dest, from ? () => false : ignored, rel === '' ? '' : rel);
          }
          break;
        }
        case 'RUN': {
          const cmd = ins.args.replace(/&&\s*npm cache clean --force/, '');
          console.error(`[${name}:${id}] RUN ${cmd}`);
          execFileSync('bash', ['-euo', 'pipefail', '-c', cmd], {
            cwd: inRoot('.'),
            stdio: ['ignore', 'inherit', 'inherit'],
            env: { ...process.env, ...state.env, npm_config_prefer_offline: 'true' },
          });
          break;
        }
        case 'USER':
          state.user = ins.args;
          break;
        case 'CMD':
          state.cmd = JSON.parse(ins.args);
          break;
        case 'HEALTHCHECK':
          state.healthcheck = JSON.parse(ins.args.replace(/^.*?CMD\s+/, ''));
          break;
        case 'EXPOSE':
          state.expose.push(ins.args);
          break;
        default:
          break; // LABEL, ARG: no effect on the filesystem
      }
    }
    built.set(id, state);
  });
  return built.get(stages[stages.length - 1].name || `stage-${stages.length - 1}`);
}

async function startAndProbe(name, image, extraEnv) {
  const port = await freePort();
  const env = { PATH: process.env.PATH, HOME: os.tmpdir(), ...image.env, ...extraEnv, PORT: String(port) };
  const cwd = path.join(image.fsRoot, image.workdir);
  const child = spawn(image.cmd[0], image.cmd.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    let last;
    while (Date.now() < deadline) {
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 250))]);
      if (code !== undefined) throw new Error(`${name} exited with ${code} before answering:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) {
          // the image's own HEALTHCHECK, run the way Docker would (same env, same cwd)
          execFileSync(image.healthcheck[0], image.healthcheck.slice(1), { cwd, env, stdio: 'inherit', timeout: 5000 });
          return { port, status: res.status };
        }
        last = `HTTP ${res.status}`;
      } catch (err) {
        last = err.message;
      }
    }
    throw new Error(`${name} did not answer /healthz within 60s (${last}):\n${output}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  const [name, ...flags] = process.argv.slice(2);
  if (!name) {
    console.error('usage: simulate-image.js <auth|tickets|orders|payments|web> [--keep]');
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `bigtix-image-${name}-`));
  try {
    const image = buildImage(name, work);
    const app = path.join(image.fsRoot, image.workdir);
    // production image: no dev tooling, no TypeScript sources
    for (const dev of ['typescript', 'jest', 'ts-jest', 'eslint']) {
      if (fs.existsSync(path.join(app, 'node_modules', dev)))
        throw new Error(`${name}: devDependency ${dev} is in the final image`);
    }
    const result = await startAndProbe(name, image, {
      MONGO_URL: process.env.MONGO_URL || `mongodb://127.0.0.1:27017/simulate_${name}`,
      RABBITMQ_URL: process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672',
      JWT_SECRET: 'simulate-image-secret-0123456789abcdef',
      // what the chart's Secret gives the pods; in production the services refuse to start without them
      STRIPE_SECRET_KEY: 'sk_test_simulate_image',
      STRIPE_WEBHOOK_SECRET: 'whsec_simulate_image',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_simulate_image',
      // nothing listens there: the image only has to start (email stays unsent)
      SMTP_URL: 'smtp://127.0.0.1:9',
      PUBLIC_URL: 'https://bigtix.example',
      LOG_LEVEL: 'warn',
    });
    console.log(
      `simulate-image: ${name} built as user ${image.user}, answered /healthz ${result.status} and passed its HEALTHCHECK`,
    );
  } finally {
    if (flags.includes('--keep')) console.error(`simulate-image: kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`simulate-image: ${err.message}`);
  process.exit(1);
});
