// Runs the real playbooks with stand-in kubectl/helm that record what they are asked to do,
// and checks the Secret Ansible creates is exactly what the chart's pods read.
'use strict';
const { test, describe, before } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { root, rendered, ofKind } = require('./lib/rendered');

const ansibleDir = path.join(root, 'deploy', 'ansible');
const hasAnsible = spawnSync('bash', ['-c', 'command -v ansible-playbook']).status === 0;
const skip = hasAnsible ? false : 'ansible-playbook is not installed (check-deploy.sh installs it)';

let stubDir;
function stubs() {
  stubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bigtix-ansible-'));
  // kubectl: argv per line in kubectl.argv, each stdin document in kubectl.<n>.json
  fs.writeFileSync(
    path.join(stubDir, 'kubectl'),
    '#!/bin/bash\nn=$(wc -l < "$STUB_DIR/kubectl.argv" 2>/dev/null || echo 0)\necho "$*" >> "$STUB_DIR/kubectl.argv"\ncat > "$STUB_DIR/kubectl.$n.json"\necho "configured"\n',
    { mode: 0o755 },
  );
  fs.writeFileSync(
    path.join(stubDir, 'helm'),
    '#!/bin/bash\nprintf "%s\\n" "$@" > "$STUB_DIR/helm.argv"\necho deployed\n',
    { mode: 0o755 },
  );
}

function playbook(name, inventory, extra) {
  return spawnSync('ansible-playbook', ['-i', `inventory/${inventory}.yml`, `playbooks/${name}`, ...extra], {
    cwd: ansibleDir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${stubDir}:${process.env.PATH}`, STUB_DIR: stubDir, ANSIBLE_NOCOLOR: '1' },
    timeout: 120_000,
  });
}

function secretKeysReadBy(docs) {
  const keys = new Set();
  for (const d of [...ofKind(docs, 'Deployment'), ...ofKind(docs, 'StatefulSet')]) {
    for (const c of d.spec.template.spec.containers) {
      for (const e of c.env || [])
        if (e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional) keys.add(e.valueFrom.secretKeyRef.key);
    }
  }
  return keys;
}

describe('setup-cluster.yml', { skip }, () => {
  before(stubs);

  test('dev: creates the namespace and a Secret holding every key the dev pods read', () => {
    const vars = path.join(stubDir, 'dev.secret.yml');
    fs.writeFileSync(
      vars,
      'bigtix_secrets:\n  jwt_secret: "0123456789abcdef0123456789abcdef"\n  rabbitmq_password: "rabbit-pass"\n  stripe_secret_key: "sk_test_1"\n',
    );
    const r = playbook('setup-cluster.yml', 'dev', ['-e', `@${vars}`]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /0123456789abcdef0123456789abcdef/, 'the secret never reaches the log');
    const argv = fs.readFileSync(path.join(stubDir, 'kubectl.argv'), 'utf8').trim().split('\n');
    assert.deepEqual(argv, ['--context kind-bigtix apply -f -', '--context kind-bigtix -n bigtix apply -f -']);
    const ns = JSON.parse(fs.readFileSync(path.join(stubDir, 'kubectl.0.json'), 'utf8'));
    assert.deepEqual([ns.kind, ns.metadata.name], ['Namespace', 'bigtix']);
    const secret = JSON.parse(fs.readFileSync(path.join(stubDir, 'kubectl.1.json'), 'utf8'));
    assert.equal(secret.metadata.name, 'bigtix-secrets');
    assert.equal(secret.stringData['jwt-secret'], '0123456789abcdef0123456789abcdef');
    for (const key of secretKeysReadBy(rendered('dev'))) assert.ok(key in secret.stringData, `Secret has ${key}`);
    assert.equal(
      rendered('dev').some((d) => d.kind === 'Secret'),
      false,
      'dev uses the Ansible Secret (existingSecret)',
    );
  });

  test('prod: the Secret carries the external MongoDB, Amazon MQ and ElastiCache URLs the prod pods read', () => {
    fs.rmSync(path.join(stubDir, 'kubectl.argv'), { force: true });
    const vars = path.join(stubDir, 'prod.secret.yml');
    fs.writeFileSync(
      vars,
      [
        'bigtix_secrets:',
        '  jwt_secret: "0123456789abcdef0123456789abcdef"',
        '  rabbitmq_url: "amqps://u:p@b-1.mq.us-east-1.amazonaws.com:5671"',
        '  redis_url: "rediss://:t@bigtix.cache.amazonaws.com:6379"',
        '  stripe_secret_key: "sk_live_1"',
        '  mongo_urls: { auth: "mongodb+srv://a/auth", tickets: "mongodb+srv://a/tickets", orders: "mongodb+srv://a/orders", payments: "mongodb+srv://a/payments" }',
        '',
      ].join('\n'),
    );
    const r = playbook('setup-cluster.yml', 'prod', ['-e', `@${vars}`]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(
      fs.readFileSync(path.join(stubDir, 'kubectl.argv'), 'utf8'),
      /^--context bigtix-prod -n bigtix apply -f -$/m,
    );
    const secret = JSON.parse(fs.readFileSync(path.join(stubDir, 'kubectl.1.json'), 'utf8'));
    assert.equal(secret.stringData['mongo-url-orders'], 'mongodb+srv://a/orders');
    for (const key of secretKeysReadBy(rendered('prod'))) assert.ok(key in secret.stringData, `Secret has ${key}`);
  });

  test('stops before touching the cluster when the JWT key is missing', () => {
    fs.rmSync(path.join(stubDir, 'kubectl.argv'), { force: true });
    const r = playbook('setup-cluster.yml', 'dev', ['-e', '{"bigtix_secrets": {"rabbitmq_password": "rabbit-pass"}}']);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /jwt_secret \(32\+ chars\)/);
    assert.equal(fs.existsSync(path.join(stubDir, 'kubectl.argv')), false);
  });
});

describe('deploy.yml', { skip }, () => {
  before(stubs);

  test('runs helm upgrade --install of the chart with the prod values, registry and versions', () => {
    const r = playbook('deploy.yml', 'prod', [
      '-e',
      'version=1.4.0',
      '-e',
      '{"app_versions": {"orders": "1.4.1"}}',
      '-e',
      'image_registry=123.dkr.ecr.eu-west-1.amazonaws.com/bigtix',
    ]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const argv = fs.readFileSync(path.join(stubDir, 'helm.argv'), 'utf8').trim().split('\n');
    assert.deepEqual(argv.slice(0, 4), ['upgrade', '--install', 'bigtix', path.join(root, 'deploy/helm/bigtix')]);
    const after = (flag) => argv[argv.indexOf(flag) + 1];
    assert.equal(after('--kube-context'), 'bigtix-prod');
    assert.equal(after('--namespace'), 'bigtix');
    assert.match(after('--values'), /values-prod\.yaml$/);
    assert.ok(fs.existsSync(after('--values')));
    assert.ok(argv.includes('image.registry=123.dkr.ecr.eu-west-1.amazonaws.com/bigtix'));
    assert.ok(argv.includes('image.tag=1.4.0'));
    assert.ok(argv.includes('--set=apps.orders.image.tag=1.4.1'));
    assert.ok(argv.includes('--atomic') && argv.includes('--wait'));
  });

  test('refuses to deploy without a version', () => {
    fs.rmSync(path.join(stubDir, 'helm.argv'), { force: true });
    const r = playbook('deploy.yml', 'prod', []);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /pass -e version=X\.Y\.Z/);
    assert.equal(fs.existsSync(path.join(stubDir, 'helm.argv')), false);
  });
});
