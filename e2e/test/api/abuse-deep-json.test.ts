/**
 * Deeply nested JSON is refused with a 400 before anything parses or walks it (one pass over the
 * bytes), instead of costing event-loop time for everyone (6 KB) or failing with a 500 (10 KB).
 */
import { newPerson } from '../../src/api-client';
import { describeResponse, send } from '../../src/abuse/http';
import { Stack, startStack } from '../../src/stack';

jest.setTimeout(60_000);

let stack: Stack;
let cookie: string;
beforeAll(async () => {
  stack = await startStack({ only: ['auth', 'tickets', 'orders'] });
  cookie = (await newPerson(stack.url, 'deep')).cookie;
});
afterAll(() => stack?.stop());

const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`;

describe.each([
  ['POST', '/api/users/signin'],
  ['POST', '/api/users/signup'],
  ['PUT', '/api/users/password'],
  ['POST', '/api/users/password-reset'],
  ['POST', '/api/users/password-reset/confirm'],
  ['POST', '/api/users/verify-email'],
  ['POST', '/api/tickets/create'],
  ['PUT', '/api/tickets'],
  ['POST', '/api/orders'],
])('%s %s', (method, path) => {
  it.each([
    ['6 KB of nested arrays', nested(3_000)],
    ['10 KB of nested arrays', nested(5_000)],
    ['nested objects', `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`],
    ['17 levels, one past the limit', nested(17)],
  ])('answers 400 to %s, naming the limit', async (_what, raw) => {
    const res = await send(stack.url, { method, path, raw, contentType: 'application/json', cookie });
    expect(res.status === 400 ? res.body.errors[0].message : describeResponse(res)).toMatch(/nested deeper than 16/);
  });
});

it('does not count brackets inside strings, and lets 16 levels through to the usual validation', async () => {
  const inString = JSON.stringify({ email: `${'['.repeat(5_000)}@example.test`, password: 'x' });
  const res = await send(stack.url, {
    method: 'POST',
    path: '/api/users/signin',
    raw: inString,
    contentType: 'application/json',
  });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).not.toMatch(/nested/);
  const sixteen = await send(stack.url, {
    method: 'POST',
    path: '/api/orders',
    raw: JSON.stringify({ tickets: JSON.parse(nested(15)) }),
    contentType: 'application/json',
    cookie,
  });
  expect(sixteen.status).toBe(400);
  expect(JSON.stringify(sixteen.body)).not.toMatch(/nested/);
});

it('refuses a 1.5 MB nested body (within the tickets body limit) with a 400, not a 500', async () => {
  const res = await send(stack.url, {
    method: 'POST',
    path: '/api/tickets/create',
    raw: nested(750_000),
    contentType: 'application/json',
    cookie,
  });
  expect(res.status).toBe(400);
});
