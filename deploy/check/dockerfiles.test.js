// Dockerfile rules (hadolint is not installable here): multi-stage, pinned base images,
// non-root final stage with HEALTHCHECK, production env, every build-context path real.
'use strict';
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { parseDockerfile, copyParts } = require('./lib/dockerfile');
const { root, loadYaml } = require('./lib/rendered');

const dockerDir = path.join(root, 'deploy', 'docker');
const IMAGES = {
  auth: { port: 4001, cmd: 'services/auth/dist/index.js', pkg: 'services/auth' },
  tickets: { port: 4002, cmd: 'services/tickets/dist/index.js', pkg: 'services/tickets' },
  orders: { port: 4003, cmd: 'services/orders/dist/index.js', pkg: 'services/orders' },
  payments: { port: 4004, cmd: 'services/payments/dist/index.js', pkg: 'services/payments' },
  web: { port: 3100, cmd: 'web/server.js', pkg: 'web' },
};

const dockerignore = fs
  .readFileSync(path.join(root, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

test('there is a Dockerfile for every image and nothing else', () => {
  const files = fs
    .readdirSync(dockerDir)
    .filter((f) => f.endsWith('.Dockerfile'))
    .sort();
  assert.deepEqual(
    files,
    Object.keys(IMAGES)
      .map((n) => `${n}.Dockerfile`)
      .sort(),
  );
});

test('.dockerignore keeps dependencies, build output, git history and secrets out of the context', () => {
  for (const p of ['**/node_modules', '**/dist', '**/.next', '.git', '.env', 'deploy']) {
    assert.ok(dockerignore.includes(p), `.dockerignore has ${p}`);
  }
});

for (const [name, spec] of Object.entries(IMAGES)) {
  describe(`${name}.Dockerfile`, () => {
    const { stages } = parseDockerfile(fs.readFileSync(path.join(dockerDir, `${name}.Dockerfile`), 'utf8'));
    const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));
    const final = stages[stages.length - 1];
    const inFinal = (op) => final.instructions.filter((i) => i.op === op);

    test('is multi-stage', () => assert.ok(stages.length >= 2, `${stages.length} stage(s)`));

    test('pins every base image to an explicit version, never latest', () => {
      for (const s of stages) {
        if (stageNames.has(s.from)) continue;
        assert.match(s.from, /^[\w./-]+:[\w.-]+(@sha256:[0-9a-f]{64})?$/, `${s.from} has a tag`);
        assert.doesNotMatch(s.from, /:latest\b/);
        if (s.from.startsWith('node:')) assert.match(s.from, /^node:20\.\d+\.\d+-(bookworm-slim|alpine[\d.]*)$/);
      }
    });

    test('runs the final stage as a non-root USER', () => {
      const users = inFinal('USER');
      assert.ok(users.length, 'USER in the final stage');
      assert.doesNotMatch(users[users.length - 1].args, /^(root|0)(:|$)/);
    });

    test('has a HEALTHCHECK on /healthz using node (no curl in the image)', () => {
      const [hc] = inFinal('HEALTHCHECK');
      assert.ok(hc, 'HEALTHCHECK');
      assert.match(hc.args, /CMD \["node"/);
      assert.match(hc.args, /\/healthz/);
    });

    test(`sets NODE_ENV=production, EXPOSEs ${spec.port} and starts ${spec.cmd}`, () => {
      const env = inFinal('ENV')
        .map((i) => i.args)
        .join(' ');
      assert.match(env, /NODE_ENV=production/);
      assert.match(env, new RegExp(`PORT=${spec.port}\\b`));
      assert.deepEqual(
        inFinal('EXPOSE').map((i) => i.args),
        [String(spec.port)],
      );
      assert.deepEqual(JSON.parse(inFinal('CMD')[0].args), ['node', spec.cmd]);
    });

    test('copies only paths that exist in the repository and are not excluded from the context', () => {
      for (const s of stages) {
        for (const i of s.instructions.filter((x) => x.op === 'COPY' || x.op === 'ADD')) {
          if (i.flags.from) {
            assert.ok(stageNames.has(i.flags.from), `--from=${i.flags.from} is a stage`);
            continue;
          }
          for (const src of copyParts(i.args).sources) {
            assert.ok(fs.existsSync(path.join(root, src)), `COPY source ${src} exists`);
            const top = src.split('/')[0];
            assert.ok(!dockerignore.includes(top) && !dockerignore.includes(src), `${src} is not in .dockerignore`);
          }
        }
      }
    });

    test('installs production dependencies only in the final image', () => {
      const runtimeSources = inFinal('COPY').filter((i) => i.flags.from);
      if (name === 'web') {
        // Next's standalone output carries its own traced production node_modules
        assert.ok(runtimeSources.some((i) => i.args.includes('.next/standalone')));
      } else {
        const prodStage = stages.find((s) => s.name === runtimeSources[0].flags.from);
        const install = prodStage.instructions.find((i) => i.op === 'RUN' && /npm ci/.test(i.args));
        assert.match(install.args, /--omit=dev/);
        assert.match(install.args, new RegExp(`-w ${spec.pkg}\\b`));
      }
      assert.ok(!final.instructions.some((i) => i.op === 'RUN' && /npm (ci|install)(?![^&]*--omit=dev)/.test(i.args)));
    });
  });
}

test('skaffold builds every image with its Dockerfile from the repository root and feeds it to the chart', () => {
  const sk = loadYaml().load(fs.readFileSync(path.join(root, 'skaffold.yaml'), 'utf8'));
  const artifacts = Object.fromEntries(sk.build.artifacts.map((a) => [a.image, a]));
  const values = loadYaml().load(fs.readFileSync(path.join(root, 'deploy/helm/bigtix/values.yaml'), 'utf8'));
  const [release] = sk.deploy.helm.releases;
  assert.equal(release.chartPath, 'deploy/helm/bigtix');
  assert.deepEqual(release.valuesFiles, ['deploy/helm/bigtix/values-dev.yaml']);
  for (const name of Object.keys(IMAGES)) {
    const a = artifacts[`bigtix/${name}`];
    assert.ok(a, `artifact bigtix/${name}`);
    assert.equal(a.context, '.');
    assert.equal(a.docker.dockerfile, `deploy/docker/${name}.Dockerfile`);
    assert.ok(values.apps[name], `values.apps.${name}`);
    assert.match(
      release.setValueTemplates[`apps.${name}.image.repository`],
      new RegExp(`IMAGE_REPO_bigtix_${name}\\b`),
    );
    assert.match(release.setValueTemplates[`apps.${name}.image.tag`], new RegExp(`IMAGE_DIGEST_bigtix_${name}\\b`));
  }
});
