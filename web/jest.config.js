// Unit tests for the view mapping (lib/view) and the server actions (components/*/actions.ts),
// the latter against the real services (e2e's in-process stack) with only Next's request-scoped
// APIs (cookies, redirect, revalidatePath) stood in for, since there is no Next request here.
const path = require('path');
const preset = require('../jest.preset')(__dirname);
const stub = (name) => path.join(__dirname, 'test/support/next-stubs', name);
module.exports = {
  ...preset,
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@/(.*)$': path.join(__dirname, '$1'),
    '^server-only$': stub('server-only.ts'),
    '^next/headers$': stub('headers.ts'),
    '^next/navigation$': stub('navigation.ts'),
    '^next/cache$': stub('cache.ts'),
  },
};
