// Which files the e2e project runs. A whole run, or a run of folders, runs one suite per folder:
// test/<folder>/all.e2e-spec.ts imports every spec of its folder (test/support/folder-suite.ts), so
// Jest loads the application's modules once per folder instead of once per file. A run that names
// spec files (`npm test -- test/auth/login.e2e-spec.ts`, `-- test/security/write-route-fuzz`,
// scripts/tests-alone.mjs) runs those files on their own, as before.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUITE = 'all.e2e-spec.ts';

/** test/<folder>/<name>.e2e-spec.ts of every folder, suites included. */
function specPaths(rootDir) {
  const test = join(rootDir, 'test');
  return readdirSync(test, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(test, entry.name))
        .filter((name) => name.endsWith('.e2e-spec.ts'))
        .map((name) => `test/${entry.name}/${name}`),
    );
}

/**
 * True when the command line names spec files rather than folders or nothing: an argument that, as
 * Jest reads a path pattern, matches a spec file but no folder's suite (`test/auth/login`,
 * `test/security/write-route-fuzz`; not `test/faults`). Options and their values match no path.
 */
export function namesSpecFiles(args, rootDir) {
  const paths = specPaths(rootDir);
  const isSuite = (path) => path.endsWith(`/${SUITE}`);
  return args
    .filter((arg) => !arg.startsWith('-'))
    .some((arg) => {
      let pattern;
      try {
        pattern = new RegExp(arg, 'i');
      } catch {
        return false;
      }
      const matched = paths.filter((path) => pattern.test(path));
      return matched.length > 0 && !matched.some(isSuite);
    });
}

/** Folders of `test/` holding spec files but no suite: their specs would never run in a whole run. */
export function foldersWithoutSuite(rootDir) {
  const test = join(rootDir, 'test');
  return readdirSync(test, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((folder) => readdirSync(join(test, folder)).some((name) => name.endsWith('.e2e-spec.ts')))
    .filter((folder) => !existsSync(join(test, folder, SUITE)));
}

/** The e2e project's testMatch for this command line (refusing a folder whose specs no suite runs). */
export function e2eTestMatch(rootDir, args = process.argv.slice(2)) {
  if (namesSpecFiles(args, rootDir)) return ['<rootDir>/test/**/!(all).e2e-spec.ts'];
  const missing = foldersWithoutSuite(rootDir);
  if (missing.length)
    throw new Error(
      `test/${missing.join(', test/')}: spec files without test/<folder>/${SUITE}; copy one from another folder`,
    );
  return [`<rootDir>/test/*/${SUITE}`];
}
