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
  // A test that reads audit_events straight after its requests can miss an event still pending
  // (README "Audit trail"): tests read the log through readAuditLog(), which seals first.
  {
    files: ['test/**/*.ts'],
    ignores: ['test/support/audit-log.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "Literal[value=/SELECT[^;]*FROM audit_events\\b/]:not(CallExpression[callee.name='readAuditLog'] > Literal)",
          "TemplateLiteral:not(CallExpression[callee.name='readAuditLog'] > TemplateLiteral) > TemplateElement[value.raw=/SELECT[^;]*FROM audit_events\\b/]",
        ].map((selector) => ({
          selector,
          message: 'Read the audit log with readAuditLog() (test/support/audit-log.ts): it seals pending events first.',
        })),
      ],
    },
  },
  // The arrow order of the libs and apps (ARCHITECTURE "The parts"): see eslint.layers.js.
  ...layeringBlocks(),
  // Where a feature's HTTP files live, and one TypeORM style: also eslint.layers.js.
  ...conventionBlocks(),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', globalThis: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
  },
);
