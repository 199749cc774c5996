/**
 * The four services share one folder shape (docs/ARCHITECTURE.md, "Service layout"): the same
 * top-level folders under `src/`, one consumer per file named after its event, event builders in
 * `events/publishers/`; and one test shape: a test sits in the folder under `test/` that mirrors
 * the `src/` folder of what it tests, shared test code in `test/support/`. Checked on the real
 * tree, and the checker once on made-up trees so a check that passes is known to be able to fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EVENT_TYPES } from '@bigtix/common';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every service has these under `src/`. */
const REQUIRED = ['domain', 'events', 'models', 'routes', 'workers'];
/** And may have these: clients of outside systems, and one-off entry points run by make. */
const OPTIONAL = ['adapters', 'commands'];
const EVENTS_FOLDERS = ['consumers', 'publishers'];

const dirsIn = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
const filesIn = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort()
    : [];

/** `order.payment-rejected` → `on-order-payment-rejected.ts`, exporting `onOrderPaymentRejected`. */
const consumerFile = (type: string) => `on-${type.replace(/\./g, '-')}.ts`;
const consumerName = (type: string) =>
  'on' +
  type
    .split(/[.-]/)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const exportedNames = (source: string) =>
  [...source.matchAll(/^export\s+(?:async\s+)?(?:const|let|function|class)\s+(\w+)/gm)].map((m) => m[1]);

/** What is wrong with one service's `src/` (empty: nothing). */
function layoutProblems(src: string, eventTypes: readonly string[] = EVENT_TYPES): string[] {
  const problems: string[] = [];
  const top = dirsIn(src);
  for (const name of REQUIRED) if (!top.includes(name)) problems.push(`src/${name}/ is missing`);
  for (const name of top)
    if (![...REQUIRED, ...OPTIONAL].includes(name))
      problems.push(`src/${name}/ is not a service folder (${[...REQUIRED, ...OPTIONAL].join(', ')})`);
  const events = path.join(src, 'events');
  if (!fs.existsSync(events)) return problems;
  for (const name of dirsIn(events))
    if (!EVENTS_FOLDERS.includes(name)) problems.push(`src/events/${name}/ is neither consumers/ nor publishers/`);
  for (const name of filesIn(events)) problems.push(`src/events/${name} belongs in consumers/ or publishers/`);
  const byFile = new Map(eventTypes.map((t) => [consumerFile(t), t]));
  for (const name of filesIn(path.join(events, 'consumers'))) {
    const type = byFile.get(name);
    if (!type) {
      problems.push(`src/events/consumers/${name} is not on-<event>.ts for an event of @bigtix/common`);
      continue;
    }
    const exported = exportedNames(fs.readFileSync(path.join(events, 'consumers', name), 'utf8'));
    if (exported.length !== 1 || exported[0] !== consumerName(type))
      problems.push(
        `src/events/consumers/${name} exports ${exported.join(', ') || 'nothing'}; one consumer, ${consumerName(type)}`,
      );
  }
  for (const name of filesIn(path.join(events, 'publishers')))
    if (!/^[a-z][a-z0-9-]*-events\.ts$/.test(name))
      problems.push(`src/events/publishers/${name} is not <aggregate>-events.ts`);
  return problems;
}

/** Whether any file is under `dir` (git keeps no empty folder; one left behind by a move is none). */
const holdsFiles = (dir: string): boolean =>
  filesIn(dir).length > 0 || dirsIn(dir).some((name) => holdsFiles(path.join(dir, name)));
/** Folders with files under `dir`, as paths relative to it (`domain`, `domain/payouts`, …), sorted. */
const foldersUnder = (dir: string, prefix = ''): string[] =>
  dirsIn(dir)
    .filter((name) => holdsFiles(path.join(dir, name)))
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return [rel, ...foldersUnder(path.join(dir, name), rel)];
    });

/**
 * What is wrong with one service's `test/` (empty: nothing): every folder but `support/` is one
 * `src/` also has (`test/domain/payouts/` for `src/domain/payouts/`), no test sits at the top
 * level, and outside `support/` there are only test files.
 */
function testLayoutProblems(service: string): string[] {
  const problems: string[] = [];
  const test = path.join(service, 'test');
  if (!fs.existsSync(test)) return problems;
  const srcFolders = new Set(foldersUnder(path.join(service, 'src')));
  for (const name of filesIn(test))
    problems.push(
      name.endsWith('.test.ts')
        ? `test/${name} belongs in the test/ folder of what it tests`
        : `test/${name} is shared test code: it belongs in test/support/`,
    );
  for (const rel of foldersUnder(test)) {
    if (rel === 'support' || rel.startsWith('support/')) continue;
    if (!srcFolders.has(rel)) problems.push(`test/${rel}/ has no src/${rel}/ to mirror (or is it support/?)`);
    for (const name of filesIn(path.join(test, rel)))
      if (!name.endsWith('.test.ts'))
        problems.push(`test/${rel}/${name} is shared test code: it belongs in test/support/`);
  }
  return problems;
}

const services = dirsIn(path.join(ROOT, 'services')).filter((s) =>
  fs.existsSync(path.join(ROOT, 'services', s, 'src')),
);

it('finds the four services', () => {
  expect(services).toEqual(['auth', 'orders', 'payments', 'tickets']);
});

it.each(services)('services/%s/src has the shared layout', (service) => {
  expect(layoutProblems(path.join(ROOT, 'services', service, 'src'))).toEqual([]);
});

it.each(services)('services/%s/test mirrors src, with shared code in support/', (service) => {
  expect(testLayoutProblems(path.join(ROOT, 'services', service))).toEqual([]);
});

describe('the check itself', () => {
  let dir: string;
  const make = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  };
  const good = {
    'domain/a.ts': '',
    'models/a.ts': '',
    'routes/a.ts': '',
    'workers/a.ts': '',
    'events/consumers/on-order-created.ts': 'export const onOrderCreated = () => undefined;',
    'events/publishers/order-events.ts': 'export const x = 1;',
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-layout-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes a service of the shared layout, with or without adapters/ and commands/', () => {
    make(good);
    expect(layoutProblems(dir)).toEqual([]);
    make({ 'adapters/stripe/client.ts': '', 'commands/reconcile.ts': '' });
    expect(layoutProblems(dir)).toEqual([]);
  });

  it('names a missing folder and a folder outside the set', () => {
    const { ['workers/a.ts']: _workers, ...rest } = good;
    make({ ...rest, 'stripe/client.ts': '', 'events/helpers/x.ts': '', 'events/loose.ts': '' });
    expect(layoutProblems(dir)).toEqual([
      'src/workers/ is missing',
      'src/stripe/ is not a service folder (domain, events, models, routes, workers, adapters, commands)',
      'src/events/helpers/ is neither consumers/ nor publishers/',
      'src/events/loose.ts belongs in consumers/ or publishers/',
    ]);
  });

  it('wants one consumer per file, named after its event, and publishers named by aggregate', () => {
    make({
      ...good,
      'events/consumers/on-payment-events.ts': 'export const onPaymentCreated = 1;',
      'events/consumers/on-order-paid.ts': 'export const onOrderPaid = 1;\nexport function onOrderCancelled() {}',
      'events/consumers/on-order-updated.ts': 'export const handleOrderUpdated = 1;',
      'events/publishers/builders.ts': '',
    });
    expect(layoutProblems(dir)).toEqual([
      'src/events/consumers/on-order-paid.ts exports onOrderPaid, onOrderCancelled; one consumer, onOrderPaid',
      'src/events/consumers/on-order-updated.ts exports handleOrderUpdated; one consumer, onOrderUpdated',
      'src/events/consumers/on-payment-events.ts is not on-<event>.ts for an event of @bigtix/common',
      'src/events/publishers/builders.ts is not <aggregate>-events.ts',
    ]);
  });

  it('passes tests that mirror src/, with shared code in support/, and names every test out of place', () => {
    make({
      'src/domain/payouts/settle.ts': '',
      'src/routes/a.ts': '',
      'test/support/harness.ts': '',
      'test/support/fixtures/one.json': '',
      'test/domain/payouts/settle.test.ts': '',
      'test/routes/a.test.ts': '',
    });
    expect(testLayoutProblems(dir)).toEqual([]);
    make({
      'test/users.test.ts': '',
      'test/helpers.ts': '',
      'test/payouts/races.test.ts': '',
      'test/payouts/support.ts': '',
      'test/routes/fixtures.ts': '',
    });
    fs.mkdirSync(path.join(dir, 'test', 'left-empty-by-a-move'));
    expect(testLayoutProblems(dir)).toEqual([
      'test/helpers.ts is shared test code: it belongs in test/support/',
      'test/users.test.ts belongs in the test/ folder of what it tests',
      'test/payouts/ has no src/payouts/ to mirror (or is it support/?)',
      'test/payouts/support.ts is shared test code: it belongs in test/support/',
      'test/routes/fixtures.ts is shared test code: it belongs in test/support/',
    ]);
  });
});
