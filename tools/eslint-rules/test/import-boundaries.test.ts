/**
 * The import-boundary rule on virtual files placed in real workspaces (the rule decides by a
 * file's path), and once through the real `eslint` command with the repository's config, as
 * `make lint` runs it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const bigtix = require('../import-boundaries.cjs');

const linter = new Linter({ cwd: ROOT });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { bigtix },
    rules: { 'bigtix/import-boundaries': 'error' },
  },
];

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(ROOT, file)).map((m) => m.message);
}

describe('refused', () => {
  it.each([
    [
      'a service importing another service by package name',
      'services/orders/src/x.ts',
      "import { x } from '@bigtix/tickets-service';",
    ],
    [
      'a service importing another service by a deep package path',
      'services/orders/src/x.ts',
      "import { x } from '@bigtix/payments-service/src/models/payment';",
    ],
    [
      'a service importing another service by path',
      'services/orders/src/domain/x.ts',
      "import { x } from '../../../tickets/src/models/ticket';",
    ],
    [
      'a service test importing another service',
      'services/payments/test/x.test.ts',
      "const { ordersService } = require('@bigtix/orders-service/src/service');",
    ],
    ['a service importing the web app', 'services/tickets/src/x.ts', "export * from '@bigtix/web';"],
    ['a service importing the CLI', 'services/auth/src/x.ts', "import { buildProgram } from 'bigtix';"],
    [
      'a relative import into packages/',
      'services/orders/src/x.ts',
      "import { claim } from '../../../packages/middleware/src/db/claims';",
    ],
    [
      'a relative import into another tool',
      'e2e/src/x.ts',
      "export { startFakeStripe } from '../../tools/fake-stripe/src';",
    ],
    [
      'a relative dynamic import into another workspace',
      'cli/test/x.test.ts',
      "const stack = await import('../../e2e/src/stack');",
    ],
    [
      'a relative jest.mock into another workspace',
      'web/lib/x.test.ts',
      "jest.mock('../../packages/common/src/money');",
    ],
  ])('%s', (_what, file, code) => {
    expect(problems(file, code)).toHaveLength(1);
  });

  it('names the package to import instead', () => {
    expect(problems('e2e/src/x.ts', "import '../../tools/fake-stripe/src';")[0]).toMatch(/@bigtix\/fake-stripe/);
  });
});

describe('allowed', () => {
  it.each([
    [
      'a service importing shared packages',
      'services/orders/src/x.ts',
      "import { claim } from '@bigtix/middleware';\nimport { CURRENCY } from '@bigtix/common';",
    ],
    [
      'a service test importing a fake by package name',
      'services/tickets/test/x.test.ts',
      "import { startFakeTicketmaster } from '@bigtix/fake-ticketmaster';",
    ],
    [
      'relative imports inside one workspace',
      'services/orders/src/domain/x.ts',
      "import { y } from '../models/order';\nimport { z } from './holds';",
    ],
    [
      'a black-box test starting a service spec by package path',
      'e2e/test/x.test.ts',
      "import { authService } from '@bigtix/auth-service/src/service';",
    ],
    [
      'a workspace jest config reaching the root preset',
      'services/orders/jest.config.js',
      "module.exports = require('../../jest.preset')(__dirname);",
    ],
    ['libraries', 'web/lib/x.ts', "import { z } from 'zod';\nimport fs from 'node:fs';"],
  ])('%s', (_what, file, code) => {
    expect(problems(file, code)).toEqual([]);
  });
});

it('is part of the repository eslint config: `eslint` fails on a cross-service import', () => {
  const eslint = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(
    process.execPath,
    [eslint, '--stdin', '--stdin-filename', 'services/orders/src/boundary-fixture.ts', '--format', 'json'],
    {
      cwd: ROOT,
      input: "import { ticketsService } from '@bigtix/tickets-service';\nexport const s = ticketsService;\n",
      encoding: 'utf8',
    },
  );
  expect(run.status).toBe(1);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
  expect(result.messages.map((m) => m.ruleId)).toEqual(['bigtix/import-boundaries']);
}, 60_000);
