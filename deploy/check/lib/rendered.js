// Rendered Helm output as objects. check-deploy.sh renders to $BIGTIX_RENDER_DIR first; run
// alone (`node --test deploy/check/`), this renders with $HELM, helm on PATH, or the cached build.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const chart = path.join(root, 'deploy', 'helm', 'bigtix');

// js-yaml is not a declared dependency: it is in node_modules through jest's tooling.
function loadYaml() {
  try {
    return require('js-yaml');
  } catch {
    throw new Error('js-yaml is not installed in node_modules: add it as a root devDependency to run these checks');
  }
}

function findHelm() {
  if (process.env.HELM) return process.env.HELM;
  try {
    return execFileSync('bash', ['-c', 'command -v helm'], { encoding: 'utf8' }).trim();
  } catch {
    const tools = path.join(process.env.BIGTIX_CACHE_DIR || path.join(os.homedir(), '.cache', 'bigtix'), 'tools');
    const dirs = fs.existsSync(tools)
      ? fs
          .readdirSync(tools)
          .filter((d) => d.startsWith('helm-'))
          .sort()
      : [];
    if (dirs.length) return path.join(tools, dirs[dirs.length - 1], 'helm');
    throw new Error('helm not found: run deploy/check/check-deploy.sh (it builds helm) or set HELM');
  }
}

const valuesFor = { default: 'values.yaml', dev: 'values-dev.yaml', prod: 'values-prod.yaml' };
const cache = new Map();

/** Every document of one rendering ("default" | "dev" | "prod" | "external"). */
function rendered(name) {
  if (cache.has(name)) return cache.get(name);
  let text;
  const file = process.env.BIGTIX_RENDER_DIR && path.join(process.env.BIGTIX_RENDER_DIR, `${name}.yaml`);
  if (file && fs.existsSync(file)) {
    text = fs.readFileSync(file, 'utf8');
  } else {
    if (!valuesFor[name]) throw new Error(`no rendering "${name}" in BIGTIX_RENDER_DIR; run check-deploy.sh`);
    text = execFileSync(
      findHelm(),
      [
        'template',
        'bigtix',
        chart,
        '-n',
        'bigtix',
        '--kube-version',
        process.env.KUBE_VERSION || '1.33.0',
        '-f',
        path.join(chart, valuesFor[name]),
      ],
      { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
    );
  }
  const docs = loadYaml()
    .loadAll(text)
    .filter((d) => d && d.kind);
  cache.set(name, docs);
  return docs;
}

const ofKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const named = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);

module.exports = { root, chart, rendered, ofKind, named, loadYaml };
