// Lint rules for every workspace: typescript-eslint's recommended set, nothing stylistic
// (prettier owns formatting).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import bigtix from './tools/eslint-rules/import-boundaries.cjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.next/**',
      '**/coverage/**',
      'web/public/**',
      '.artifacts/**',
      'deploy/helm/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Workspaces meet only by package name; services import no other service, web or cli.
    plugins: { bigtix },
    rules: { 'bigtix/import-boundaries': 'error' },
  },
  {
    // Tests and benchmarks read loosely typed JSON from HTTP responses.
    files: ['**/test/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
