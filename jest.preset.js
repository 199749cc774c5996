// Shared jest settings: each workspace's jest.config.js is `require('../../jest.preset')(__dirname)`.
// Workspace packages resolve to their TypeScript sources, so tests never need a build first.
// ts-jest only transpiles (no type check per file: `make typecheck` does that once, fast).
const path = require('path');

const root = __dirname;

module.exports = (dir, overrides = {}) => ({
  displayName: path.relative(root, dir) || 'root',
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.jest.json') }],
  },
  moduleNameMapper: {
    '^@bigtix/(common|middleware|testkit|mailer)$': path.join(root, 'packages/$1/src'),
    // The web's client components import these leaves alone (the package index brings zod and every schema).
    '^@bigtix/common/(fees|money)$': path.join(root, 'packages/common/src/$1'),
    '^@bigtix/(fake-ticketmaster|fake-stripe|dev-runner)$': path.join(root, 'tools/$1/src'),
    // Test helpers and service specs other workspaces start in-process (never a service's dist).
    '^@bigtix/(auth|tickets|orders|payments)-service/(.*)$': path.join(root, 'services/$1/$2'),
    '^@bigtix/e2e/(.*)$': path.join(root, 'e2e/$1'),
    // Pure web helpers (CSP, redirects, forwarded-for) that API tests check against the services.
    '^@bigtix/web/(.*)$': path.join(root, 'web/$1'),
  },
  ...overrides,
});
