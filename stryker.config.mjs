// Mutation testing of the witness-protection rules (issue 25): `npm run test:mutation`.
// Every surviving mutant must be explained in mutation/SURVIVORS.md.
import { RULE_FILES } from './mutation/rule-files.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // Jest runs as native ESM here (NestJS 12 is ESM-only).
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  // findRelatedTests: each mutant's run loads only the specs that import its file, not all of them.
  jest: { projectType: 'custom', configFile: 'mutation/jest.config.js', enableFindRelatedTests: true },
  mutate: RULE_FILES,
  coverageAnalysis: 'perTest',
  // Stryker's own type check would need the whole project; ts-jest already runs with diagnostics off.
  disableTypeChecks: true,
  ignorePatterns: ['dist', 'data', 'coverage', 'apps/web', 'bench', 'docker', 'reports', '.stryker-tmp'],
  // The break threshold (90) is judged per file by mutation/check-scores.mjs: Stryker's own
  // `break` sees only the total, where a strong file hides a weak one.
  thresholds: { high: 100, low: 90, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  // The per-test table (1,200+ rows of the role x case matrix) buries the scores; check-scores.mjs lists the survivors.
  clearTextReporter: { logTests: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  // Endless loops end sooner: Stryker stops a mutant hit 100x more often than in the dry run (a
  // Timeout). The wall-clock limit is a backstop on top of the dry run's own time (Stryker adds
  // it), so a busy machine does not pass a slow run off as a detection; check-scores.mjs lists
  // every clock timeout, and mutation/SURVIVORS.md says why each is a real hang.
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
