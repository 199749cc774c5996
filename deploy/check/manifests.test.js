// What the rendered chart must guarantee in every environment.
'use strict';
const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { rendered, ofKind, named, root } = require('./lib/rendered');

const SERVICES = { auth: 4001, tickets: 4002, orders: 4003, payments: 4004 };
const APPS = { ...SERVICES, web: 3100 };
// ARCHITECTURE.md, "Infrastructure": the ingress routing contract.
const ROUTES = {
  '/api/users': 'auth',
  '/api/tickets': 'tickets',
  '/api/events': 'tickets',
  '/api/listings': 'tickets',
  '/api/orders': 'orders',
  '/api/payments': 'payments',
  '/api/payouts': 'payments',
  '/api/webhooks': 'payments',
  '/': 'web',
};
const ENVS = ['default', 'dev', 'prod'];

const containerOf = (deploy) => deploy.spec.template.spec.containers[0];
const envNames = (c) => (c.env || []).map((e) => e.name);
const envVar = (c, name) => (c.env || []).find((e) => e.name === name);

for (const envName of ENVS) {
  describe(`${envName} rendering`, () => {
    const docs = rendered(envName);
    const deployments = ofKind(docs, 'Deployment');

    test('has one Deployment and one Service per app', () => {
      assert.deepEqual(
        deployments.map((d) => d.metadata.name).sort(),
        Object.keys(APPS)
          .map((a) => `bigtix-${a}`)
          .sort(),
      );
      for (const [app, port] of Object.entries(APPS)) {
        const svc = named(docs, 'Service', `bigtix-${app}`);
        assert.ok(svc, `Service bigtix-${app}`);
        assert.equal(svc.spec.ports[0].port, port, `bigtix-${app} port`);
        assert.deepEqual(svc.spec.selector, named(docs, 'Deployment', `bigtix-${app}`).spec.selector.matchLabels);
      }
    });

    for (const deploy of deployments) {
      const app = deploy.metadata.name.replace(/^bigtix-/, '');
      test(`${app}: probes hit /healthz (liveness) and ${app === 'web' ? '/healthz' : '/readyz'} (readiness) on its port`, () => {
        const c = containerOf(deploy);
        assert.equal(c.livenessProbe?.httpGet?.path, '/healthz');
        assert.equal(c.readinessProbe?.httpGet?.path, app === 'web' ? '/healthz' : '/readyz');
        const port = c.ports.find((p) => p.name === c.livenessProbe.httpGet.port);
        assert.equal(port?.containerPort, APPS[app]);
      });

      test(`${app}: has cpu and memory requests and limits`, () => {
        const { requests, limits } = containerOf(deploy).resources || {};
        for (const k of ['cpu', 'memory']) {
          assert.ok(requests?.[k], `requests.${k}`);
          assert.ok(limits?.[k], `limits.${k}`);
        }
      });

      test(`${app}: runs as non-root with a read-only root filesystem and no privilege escalation`, () => {
        const pod = deploy.spec.template.spec.securityContext;
        const c = containerOf(deploy).securityContext;
        assert.equal(pod.runAsNonRoot, true);
        assert.ok(pod.runAsUser > 0, 'runAsUser is not root');
        assert.equal(c.readOnlyRootFilesystem, true);
        assert.equal(c.allowPrivilegeEscalation, false);
        assert.deepEqual(c.capabilities.drop, ['ALL']);
        // a read-only root needs a writable /tmp
        assert.ok(containerOf(deploy).volumeMounts.some((m) => m.mountPath === '/tmp'));
      });

      test(`${app}: gets NODE_ENV=production, PORT and the shared ConfigMap`, () => {
        const c = containerOf(deploy);
        assert.equal(envVar(c, 'NODE_ENV')?.value, 'production');
        assert.equal(envVar(c, 'PORT')?.value, String(APPS[app]));
        const cmName = c.envFrom.find((e) => e.configMapRef).configMapRef.name;
        const cm = named(docs, 'ConfigMap', cmName);
        assert.ok(cm, `ConfigMap ${cmName}`);
        assert.equal(cm.data.NODE_ENV, 'production');
        assert.equal(cm.data.RABBITMQ_QUEUE_TYPE, 'quorum', 'services declare quorum queues explicitly');
        assert.ok(
          cm.data.TRUSTED_PROXIES,
          'production trusts no X-Forwarded-For unless TRUSTED_PROXIES names the hops',
        );
        for (const [svc, port] of Object.entries(SERVICES)) {
          assert.equal(cm.data[`${svc.toUpperCase()}_URL`], `http://bigtix-${svc}:${port}`);
        }
      });

      if (app !== 'web') {
        test(`${app}: reads its secrets (JWT, database, broker) from the Secret, never from plain values`, () => {
          const c = containerOf(deploy);
          assert.ok(envVar(c, 'JWT_SECRET')?.valueFrom?.secretKeyRef, 'JWT_SECRET from a Secret');
          assert.ok(envNames(c).includes('MONGO_URL') && envNames(c).includes('RABBITMQ_URL'));
          assert.ok(envNames(c).includes('REDIS_URL'), 'rate-limit counters shared by the replicas');
          const mongo = envVar(c, 'MONGO_URL');
          if (mongo.value) assert.match(mongo.value, new RegExp(`^mongodb://[^/]+/${app}\\?replicaSet=rs0$`));
          const rabbit = envVar(c, 'RABBITMQ_URL');
          if (rabbit.value) assert.match(rabbit.value, /^amqp:\/\/bigtix:\$\(RABBITMQ_PASSWORD\)@/);
        });
      }
    }

    test('the payments Deployment gets the Stripe keys, tickets the Ticketmaster key, web the publishable key', () => {
      const refKey = (app, name) =>
        envVar(containerOf(named(docs, 'Deployment', `bigtix-${app}`)), name)?.valueFrom?.secretKeyRef?.key;
      assert.equal(refKey('payments', 'STRIPE_SECRET_KEY'), 'stripe-secret-key');
      assert.equal(refKey('payments', 'STRIPE_WEBHOOK_SECRET'), 'stripe-webhook-secret');
      assert.equal(refKey('tickets', 'TICKETMASTER_CONSUMER_KEY'), 'ticketmaster-consumer-key');
      assert.equal(refKey('web', 'STRIPE_PUBLISHABLE_KEY'), 'stripe-publishable-key');
      assert.equal(refKey('web', 'STRIPE_SECRET_KEY'), undefined, 'web never sees the Stripe secret key');
    });

    test('the Ingress routes exactly as ARCHITECTURE.md says, "/" last', () => {
      const [ingress] = ofKind(docs, 'Ingress');
      const paths = ingress.spec.rules[0].http.paths;
      const actual = Object.fromEntries(paths.map((p) => [p.path, p.backend.service.name.replace(/^bigtix-/, '')]));
      assert.deepEqual(actual, ROUTES);
      assert.equal(paths[paths.length - 1].path, '/');
      for (const p of paths) {
        assert.equal(p.pathType, 'Prefix');
        assert.equal(p.backend.service.port.number, APPS[actual[p.path]]);
      }
    });

    test('has a PodDisruptionBudget for every app, selecting its pods', () => {
      for (const app of Object.keys(APPS)) {
        const pdb = named(docs, 'PodDisruptionBudget', `bigtix-${app}`);
        assert.ok(pdb, `PDB bigtix-${app}`);
        assert.deepEqual(
          pdb.spec.selector.matchLabels,
          named(docs, 'Deployment', `bigtix-${app}`).spec.selector.matchLabels,
        );
      }
    });

    test('every Secret key the pods read exists in the Secret the chart creates, or in the documented existingSecret keys', () => {
      const documented = new Set([
        'jwt-secret',
        'stripe-secret-key',
        'stripe-webhook-secret',
        'stripe-publishable-key',
        'ticketmaster-consumer-key',
        'smtp-url',
        'rabbitmq-password',
        'rabbitmq-erlang-cookie',
        'rabbitmq-url',
        'redis-url',
        ...Object.keys(SERVICES).map((s) => `mongo-url-${s}`),
      ]);
      const chartSecret = ofKind(docs, 'Secret')[0];
      const pods = [...deployments, ...ofKind(docs, 'StatefulSet')];
      for (const pod of pods) {
        for (const c of pod.spec.template.spec.containers) {
          for (const e of c.env || []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (!ref) continue;
            if (chartSecret) {
              assert.equal(ref.name, chartSecret.metadata.name);
              if (!ref.optional)
                assert.ok(ref.key in chartSecret.data, `${pod.metadata.name}: ${ref.key} in the Secret`);
            } else {
              assert.ok(documented.has(ref.key), `${pod.metadata.name}: ${ref.key} is a documented key`);
            }
          }
        }
      }
    });
  });
}

describe('autoscaling', () => {
  for (const envName of ['default', 'prod']) {
    test(`${envName}: an HPA per app targets its Deployment, and the Deployment leaves replicas to it`, () => {
      const docs = rendered(envName);
      for (const app of Object.keys(APPS)) {
        const hpa = named(docs, 'HorizontalPodAutoscaler', `bigtix-${app}`);
        assert.ok(hpa, `HPA bigtix-${app}`);
        assert.equal(hpa.spec.scaleTargetRef.kind, 'Deployment');
        assert.equal(hpa.spec.scaleTargetRef.name, `bigtix-${app}`);
        assert.ok(hpa.spec.maxReplicas >= hpa.spec.minReplicas);
        assert.equal(named(docs, 'Deployment', `bigtix-${app}`).spec.replicas, undefined);
      }
    });
  }
  test('prod: at least 3 replicas and a PDB that keeps 2 up', () => {
    const docs = rendered('prod');
    for (const app of Object.keys(APPS)) {
      assert.ok(named(docs, 'HorizontalPodAutoscaler', `bigtix-${app}`).spec.minReplicas >= 3);
      assert.equal(named(docs, 'PodDisruptionBudget', `bigtix-${app}`).spec.minAvailable, 2);
    }
  });
});

describe('ingress per environment', () => {
  test('prod: ALB ingress with TLS, HTTPS listener and redirect, IP targets', () => {
    const [ing] = ofKind(rendered('prod'), 'Ingress');
    const a = ing.metadata.annotations;
    assert.equal(ing.spec.ingressClassName, 'alb');
    assert.deepEqual(ing.spec.tls[0].hosts, [ing.spec.rules[0].host]);
    assert.equal(a['alb.ingress.kubernetes.io/scheme'], 'internet-facing');
    assert.equal(a['alb.ingress.kubernetes.io/target-type'], 'ip');
    assert.ok(JSON.parse(a['alb.ingress.kubernetes.io/listen-ports']).some((l) => l.HTTPS === 443));
    assert.equal(a['alb.ingress.kubernetes.io/ssl-redirect'], '443');
    assert.match(a['alb.ingress.kubernetes.io/ssl-policy'], /^ELBSecurityPolicy-TLS13/);
  });
  test('prod: the ALB health-checks each service on /readyz', () => {
    const docs = rendered('prod');
    for (const app of Object.keys(SERVICES)) {
      assert.equal(
        named(docs, 'Service', `bigtix-${app}`).metadata.annotations['alb.ingress.kubernetes.io/healthcheck-path'],
        '/readyz',
      );
    }
  });
  test('dev: ingress-nginx, plain HTTP on the local host, no ALB annotations', () => {
    const [ing] = ofKind(rendered('dev'), 'Ingress');
    assert.equal(ing.spec.ingressClassName, 'nginx');
    assert.equal(ing.spec.tls, undefined);
    assert.equal(ing.spec.rules[0].host, 'bigtix.localhost');
    assert.ok(!Object.keys(ing.metadata.annotations || {}).some((k) => k.startsWith('alb.')));
  });
});

describe('edge cache for public reads', () => {
  const SNIPPET = 'nginx.ingress.kubernetes.io/configuration-snippet';
  const file = (name) => fs.readFileSync(path.join(root, 'deploy/helm/bigtix/files', name), 'utf8');
  test('dev: the ingress caches with the shared nginx file, never for signed-in callers', () => {
    const [ing] = ofKind(rendered('dev'), 'Ingress');
    const snippet = ing.metadata.annotations[SNIPPET];
    assert.equal(snippet.trim(), file('public-cache.conf').trim());
    assert.match(snippet, /^proxy_cache bigtix_public;$/m);
    assert.match(snippet, /^proxy_cache_bypass \$http_authorization \$cookie_session \$bigtix_not_public;$/m);
    assert.match(snippet, /^proxy_no_cache \$http_authorization \$cookie_session \$bigtix_not_public;$/m);
    // safe only because of the two lines above: nothing but anonymous answers is ever stored
    assert.match(snippet, /^proxy_ignore_headers Vary;$/m);
    // the zone the snippet names is the one cluster-up.sh gives the controller
    assert.match(file('public-cache-zone.conf'), /^proxy_cache_path \S+ .*keys_zone=bigtix_public:/m);
    assert.match(file('public-cache-zone.conf'), /^map \$uri \$bigtix_not_public \{$/m);
    assert.match(fs.readFileSync(path.join(root, 'deploy/scripts/cluster-up.sh'), 'utf8'), /public-cache-zone\.conf/);
  });
  test('prod: no ingress snippet (the ALB cannot cache; a CDN in front honours the same headers)', () => {
    const [ing] = ofKind(rendered('prod'), 'Ingress');
    assert.equal(ing.metadata.annotations[SNIPPET], undefined);
  });
});

describe('data stores', () => {
  test('dev: one MongoDB replica set per service database, each MONGO_URL pointing at its own', () => {
    const docs = rendered('dev');
    for (const app of Object.keys(SERVICES)) {
      const sts = named(docs, 'StatefulSet', `bigtix-mongo-${app}`);
      assert.ok(sts, `StatefulSet bigtix-mongo-${app}`);
      const c = sts.spec.template.spec.containers[0];
      assert.match(c.image, /^mongo:7\.\d+\.\d+$/);
      assert.equal(envVar(c, 'MONGO_REPLSET').value, 'rs0');
      assert.equal(sts.spec.template.spec.securityContext.runAsNonRoot, true);
      assert.equal(named(docs, 'Service', `bigtix-mongo-${app}`).spec.clusterIP, 'None');
      const url = envVar(containerOf(named(docs, 'Deployment', `bigtix-${app}`)), 'MONGO_URL').value;
      assert.equal(url, `mongodb://bigtix-mongo-${app}-0.bigtix-mongo-${app}:27017/${app}?replicaSet=rs0`);
    }
  });
  test('dev: RabbitMQ StatefulSet declares quorum as the default queue type', () => {
    const docs = rendered('dev');
    assert.ok(named(docs, 'StatefulSet', 'bigtix-rabbitmq'));
    const conf = named(docs, 'ConfigMap', 'bigtix-rabbitmq-config').data['rabbitmq.conf'];
    assert.match(conf, /^default_queue_type = quorum$/m);
    assert.match(
      named(docs, 'ConfigMap', 'bigtix-rabbitmq-config').data.enabled_plugins,
      /rabbitmq_peer_discovery_k8s/,
    );
  });
  test('dev: one Redis for the shared rate-limit counters, every service pointing at it', () => {
    const docs = rendered('dev');
    const sts = named(docs, 'StatefulSet', 'bigtix-redis');
    assert.ok(sts, 'StatefulSet bigtix-redis');
    assert.match(sts.spec.template.spec.containers[0].image, /^redis:7\.\d+\.\d+-alpine$/);
    assert.equal(sts.spec.template.spec.securityContext.runAsNonRoot, true);
    assert.equal(named(docs, 'Service', 'bigtix-redis').spec.ports[0].port, 6379);
    for (const app of Object.keys(SERVICES)) {
      const c = containerOf(named(docs, 'Deployment', `bigtix-${app}`));
      assert.equal(envVar(c, 'REDIS_URL').value, 'redis://bigtix-redis:6379');
    }
  });
  test('prod: no in-cluster MongoDB or RabbitMQ; URLs come from the Secret', () => {
    const docs = rendered('prod');
    assert.equal(ofKind(docs, 'StatefulSet').length, 0);
    for (const app of Object.keys(SERVICES)) {
      const c = containerOf(named(docs, 'Deployment', `bigtix-${app}`));
      assert.equal(envVar(c, 'MONGO_URL').valueFrom.secretKeyRef.key, `mongo-url-${app}`);
      assert.equal(envVar(c, 'RABBITMQ_URL').valueFrom.secretKeyRef.key, 'rabbitmq-url');
      assert.equal(envVar(c, 'REDIS_URL').valueFrom.secretKeyRef.key, 'redis-url');
    }
  });
  test('external: without existingSecret the chart Secret carries the external URLs', () => {
    const secret = ofKind(rendered('external'), 'Secret')[0];
    const decoded = (k) => Buffer.from(secret.data[k], 'base64').toString();
    assert.equal(decoded('rabbitmq-url'), 'amqps://u:p@mq.example:5671');
    assert.equal(decoded('redis-url'), 'rediss://cache.example:6379');
    for (const app of Object.keys(SERVICES)) assert.equal(decoded(`mongo-url-${app}`), `mongodb://db/${app}`);
    assert.ok(decoded('jwt-secret').length >= 32, 'a random JWT key when none is given');
  });
});
