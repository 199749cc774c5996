// ESLint rule `bigtix/import-boundaries`: workspaces meet only through package names, and
// services never depend on each other or on the clients. Services talk over HTTP and events;
// sharing code means moving it to packages/.
//
// Fails on:
//   - a service importing another service (by package name or by path);
//   - a service importing web/ or cli/;
//   - any relative import that leaves its own workspace (`../../packages/common/src/x`):
//     import the workspace by its package name instead.
// CommonJS so eslint.config.mjs and the rule's jest test (CommonJS) both load it directly.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Every workspace directory (relative, `/`-separated) with its package name, from package.json. */
function readWorkspaces(root) {
  const { workspaces = [] } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    if (!fs.existsSync(path.join(root, parent))) return [];
    return fs.readdirSync(path.join(root, parent)).map((name) => `${parent}/${name}`);
  });
  return dirs
    .filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')))
    .map((dir) => ({ dir, name: JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name }))
    .sort((a, b) => b.dir.length - a.dir.length); // longest first: the innermost workspace wins
}

const WORKSPACES = readWorkspaces(ROOT);
const isService = (ws) => ws?.dir.startsWith('services/');
const isClient = (ws) => ws?.dir === 'web' || ws?.dir === 'cli';

function workspaceOfFile(absolute) {
  const rel = path.relative(ROOT, absolute).split(path.sep).join('/');
  if (rel.startsWith('..')) return null;
  return WORKSPACES.find((ws) => rel === ws.dir || rel.startsWith(`${ws.dir}/`)) ?? null;
}

function workspaceOfPackage(specifier) {
  return WORKSPACES.find((ws) => specifier === ws.name || specifier.startsWith(`${ws.name}/`)) ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'keep workspaces apart: no cross-service imports, no relative imports into another workspace',
    },
    schema: [],
    messages: {
      crossService:
        '{{from}} must not import {{to}}: services share code only through packages/ (and talk over HTTP and events)',
      serviceToClient: '{{from}} must not import {{to}}: a service never depends on its clients',
      relativeIntoWorkspace:
        '"{{specifier}}" reaches into {{to}} by a relative path: import it by its package name ({{name}})',
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const from = workspaceOfFile(path.resolve(filename));
    if (!from) return {};

    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      let to;
      if (specifier.startsWith('.')) {
        to = workspaceOfFile(path.resolve(path.dirname(path.resolve(filename)), specifier));
        if (to && to !== from) {
          context.report({ node, messageId: 'relativeIntoWorkspace', data: { specifier, to: to.dir, name: to.name } });
          return;
        }
      } else {
        to = workspaceOfPackage(specifier);
      }
      if (!to || to === from || !isService(from)) return;
      if (isService(to)) context.report({ node, messageId: 'crossService', data: { from: from.dir, to: to.dir } });
      else if (isClient(to))
        context.report({ node, messageId: 'serviceToClient', data: { from: from.dir, to: to.dir } });
    };

    const literal = (n) => (n && n.type === 'Literal' ? n.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, literal(node.source)),
      ExportNamedDeclaration: (node) => node.source && check(node.source, literal(node.source)),
      ExportAllDeclaration: (node) => check(node.source, literal(node.source)),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference?.type === 'TSExternalModuleReference' &&
        check(node.moduleReference.expression, literal(node.moduleReference.expression)),
      CallExpression(node) {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isResolve =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'require' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'resolve';
        const isJestMock =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'jest' &&
          callee.property.type === 'Identifier' &&
          ['mock', 'requireActual'].includes(callee.property.name);
        if ((isRequire || isResolve || isJestMock) && node.arguments.length > 0)
          check(node.arguments[0], literal(node.arguments[0]));
      },
    };
  },
};

module.exports = { rules: { 'import-boundaries': importBoundaries } };
