import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { conventionBlocks, layeringBlocks } from './eslint.layers.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
    },
  },
  { files: ['apps/cli/**/*.ts', 'bench/**/*.ts', 'apps/web/scripts/**'], rules: { 'no-console': 'off' } },
  // The arrow order of the libs and apps (ARCHITECTURE "The parts"): see eslint.layers.js.
  ...layeringBlocks(),
  // Where a feature's HTTP files live, one TypeORM style, short parameter lists, and tests reading the
  // audit log through readAuditLog(): also eslint.layers.js.
  ...conventionBlocks(),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', globalThis: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
  },
);
