// The deploy scripts as a user meets them: missing tools, `make init` without a terminal.
'use strict';
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, loadYaml } = require('./lib/rendered');

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bigtix-scripts-'));

// A PATH holding only the few coreutils the scripts need before their tool check, so every
// deployment tool counts as missing even on a machine that has them.
function barePath() {
  const dir = tmp();
  for (const tool of ['dirname', 'id']) {
    const real = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(real, path.join(dir, tool));
  }
  return dir;
}

function run(script, { env = {}, input = '' } = {}) {
  return spawnSync('/bin/bash', [path.join(root, script)], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { HOME: os.tmpdir(), ...env },
    timeout: 30_000,
  });
}

describe('missing tools', () => {
  const PATH = barePath();
  const cases = {
    'deploy/scripts/cluster-up.sh': ['docker', 'kind', 'kubectl', 'helm', 'skaffold', 'ansible-playbook'],
    'deploy/scripts/cluster-dev.sh': ['docker', 'kind', 'kubectl', 'helm', 'skaffold'],
    'deploy/scripts/cluster-down.sh': ['docker', 'kind'],
  };
  for (const [script, tools] of Object.entries(cases)) {
    test(`${path.basename(script)} exits 1 naming every missing tool`, () => {
      const r = run(script, { env: { PATH } });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`missing required tool\\(s\\): ${tools.join(' ')}$`, 'm'));
      for (const t of tools) assert.match(r.stderr, new RegExp(`^  ${t}: +\\S`, 'm'), `how to get ${t}`);
    });
  }
  test('build-images.sh exits 1 when docker is missing', () => {
    const r = run('deploy/docker/build-images.sh', { env: { PATH } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /docker is not installed/);
  });
  test('build-images.sh rejects an unknown image name before building anything', () => {
    const dir = barePath();
    // a docker that "works" and records its calls
    fs.writeFileSync(path.join(dir, 'docker'), '#!/bin/bash\necho "$@" >> "$DOCKER_LOG"\n', { mode: 0o755 });
    const node = spawnSync('bash', ['-c', 'command -v node'], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(node, path.join(dir, 'node'));
    const log = path.join(tmp(), 'docker.log');
    const r = spawnSync('/bin/bash', [path.join(root, 'deploy/docker/build-images.sh'), 'orders', 'nope'], {
      encoding: 'utf8',
      env: { PATH: dir, DOCKER_LOG: log, IMAGE_PREFIX: 'ghcr.io/acme/bigtix/' },
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /unknown image 'nope'/);
    const version = require(path.join(root, 'services/orders/package.json')).version;
    // orders was built before the bad name was reached, with its package version as tag
    assert.match(
      fs.readFileSync(log, 'utf8'),
      new RegExp(
        `build -f \\S+/deploy/docker/orders\\.Dockerfile -t ghcr\\.io/acme/bigtix/orders:${version.replace(/\./g, '\\.')} `,
      ),
    );
  });
  test('stripe-dev.sh explains how to get the Stripe CLI', () => {
    const r = run('deploy/scripts/stripe-dev.sh', { env: { PATH } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Stripe CLI is not installed/);
  });
});

describe('init.sh without a terminal', () => {
  const node = path.dirname(process.execPath);
  const PATH = `${node}:/usr/bin:/bin`;

  function init(env) {
    const dir = tmp();
    const files = {
      BIGTIX_INIT_ENV: path.join(dir, '.init.env'),
      BIGTIX_SECRET_VARS: path.join(dir, 'local.secret.yml'),
    };
    const r = run('deploy/scripts/init.sh', { env: { PATH, ...files, ...env } });
    return { r, dir, files };
  }

  test('writes both files, private, from the environment, with a random JWT key', () => {
    const { r, files } = init({ STRIPE_SECRET_KEY: 'sk_test_123', BIGTIX_HOST: 'tix.localhost' });
    assert.equal(r.status, 0, r.stderr);
    for (const f of Object.values(files)) assert.equal(fs.statSync(f).mode & 0o777, 0o600, `${f} is 0600`);
    const vars = loadYaml().load(fs.readFileSync(files.BIGTIX_SECRET_VARS, 'utf8'));
    assert.equal(vars.site_host, 'tix.localhost');
    assert.equal(vars.bigtix_secrets.stripe_secret_key, 'sk_test_123');
    assert.match(vars.bigtix_secrets.jwt_secret, /^[0-9a-f]{64}$/);
    assert.match(vars.bigtix_secrets.rabbitmq_password, /^[0-9a-f]{32}$/);
    assert.match(fs.readFileSync(files.BIGTIX_INIT_ENV, 'utf8'), /^BIGTIX_HOST='tix\.localhost'$/m);
  });

  test('keeps the JWT key of an earlier run (sessions survive a re-init)', () => {
    const { files } = init({});
    const first = loadYaml().load(fs.readFileSync(files.BIGTIX_SECRET_VARS, 'utf8')).bigtix_secrets.jwt_secret;
    const r = run('deploy/scripts/init.sh', { env: { PATH, ...files } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(loadYaml().load(fs.readFileSync(files.BIGTIX_SECRET_VARS, 'utf8')).bigtix_secrets.jwt_secret, first);
  });

  test('quotes values YAML would misread', () => {
    const { r, files } = init({ TICKETMASTER_CONSUMER_KEY: 'a: b # "c"' });
    assert.equal(r.status, 0, r.stderr);
    const vars = loadYaml().load(fs.readFileSync(files.BIGTIX_SECRET_VARS, 'utf8'));
    assert.equal(vars.bigtix_secrets.ticketmaster_consumer_key, 'a: b # "c"');
  });

  test('refuses a RabbitMQ password that would break the amqp:// URL, and writes nothing', () => {
    const { r, files } = init({ RABBITMQ_PASSWORD: 'p@ss/word' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /RABBITMQ_PASSWORD must be 8\+ URL-safe characters/);
    assert.ok(!fs.existsSync(files.BIGTIX_SECRET_VARS));
  });

  test('refuses a short JWT key', () => {
    const { r } = init({ JWT_SECRET: 'short' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /JWT_SECRET must be at least 32 characters/);
  });

  test('warns about a Stripe key pasted into the wrong prompt', () => {
    const { r } = init({ STRIPE_PUBLISHABLE_KEY: 'sk_test_oops' });
    assert.equal(r.status, 0);
    assert.match(r.stderr, /STRIPE_PUBLISHABLE_KEY does not start with 'pk_'/);
  });
});

test('the files init.sh writes are git-ignored', () => {
  const r = spawnSync('git', ['check-ignore', 'deploy/.init.env', 'deploy/ansible/vars/local.secret.yml'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, 'both paths ignored');
  assert.equal(r.stdout.trim().split('\n').length, 2);
});
