// Jest runs as native ESM (NestJS 12 is ESM-only); see README "Tests".
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { e2eFiles } from './test/setup/folder-suites.mjs';

const ROOT = dirname(fileURLToPath(import.meta.url));
const common = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@sillok/migrations$': '<rootDir>/migrations/index.ts',
    '^@sillok/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
};

export default {
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  testTimeout: 30_000,
  // Jest runs every file in its own process only when it has a memory limit or more than one
  // worker; on a 2-core machine it would otherwise run all files in band, in one process whose
  // heap the ESM module registries of 150 files fill until it aborts (stop 13's CI run).
  // A worker past this limit is replaced after its file.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.mjs'],
  testSequencer: '<rootDir>/test/setup/test-sequencer.mjs',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/migrations/**/*.spec.ts',
        '<rootDir>/*.spec.ts',
      ],
    },
    // Domain rules on the real database without HTTP (test/support/service-context.ts).
    { ...common, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.spec.ts'] },
    // One suite per folder, or the spec files a command line names (test/setup/folder-suites.mjs).
    { ...common, displayName: 'e2e', ...e2eFiles(ROOT) },
  ],
};
