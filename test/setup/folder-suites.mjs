// Which files the e2e project runs. A whole run, or a run of folders, runs one suite per folder:
// test/<folder>/all.e2e-spec.ts imports every spec of its folder (test/support/folder-suite.ts), so
// Jest loads the application's modules once per folder instead of once per file. A run that names
// spec files (`npm test -- test/auth/login.e2e-spec.ts`, `-- test/security/write-route-fuzz`, an
// absolute path from an editor, scripts/tests-alone.mjs) runs those files on their own, as before.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SUITE = 'all.e2e-spec.ts';
const SPEC = '.e2e-spec.ts';

/**
 * Options of Jest's command line whose value is the next argument: their values are not path
 * patterns (`-t login` names tests, not the file login.e2e-spec.ts).
 */
const TAKES_VALUE = new Set([
  '-t',
  '--testNamePattern',
  '--selectProjects',
  '--ignoreProjects',
  '--outputFile',
  '-c',
  '--config',
  '--shard',
  '-w',
  '--maxWorkers',
  '--testTimeout',
  '--seed',
  '--reporters',
  '--testSequencer',
  '--rootDir',
  '--changedSince',
  '--coverageDirectory',
  '--workerIdleMemoryLimit',
  '--maxConcurrency',
]);
/** Options whose value (after `=` or as the next argument) is a path pattern. */
const PATH_OPTIONS = new Set(['--testPathPatterns', '--testPathPattern', '--runTestsByPath']);

/** Every spec under test/, suites included, relative to the root (test/<folder>/<name>.e2e-spec.ts). */
function specPaths(rootDir, folder = 'test') {
  return readdirSync(join(rootDir, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specPaths(rootDir, path);
    return entry.name.endsWith(SPEC) ? [path] : [];
  });
}

/** The arguments of the command line that Jest reads as path patterns. */
export function pathPatterns(args) {
  const patterns = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, value] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    if (PATH_OPTIONS.has(name)) {
      if (value !== undefined) patterns.push(value);
      // --runTestsByPath is a flag; the paths follow as plain arguments.
      else if (name !== '--runTestsByPath' && i + 1 < args.length) patterns.push(args[++i]);
    } else if (TAKES_VALUE.has(name)) {
      if (value === undefined) i++;
    } else if (!arg.startsWith('-')) patterns.push(arg);
  }
  return patterns;
}

/**
 * True when the command line names spec files rather than whole folders or nothing: a path pattern
 * (matched as Jest matches it, against the relative and the absolute path, `./` anchoring it) that
 * matches a spec whose folder's suite it does not also match. `test/auth/login` and `search` (which
 * matches test/web/search-screens.e2e-spec.ts too) name files; `test/faults` names a folder.
 */
export function namesSpecFiles(args, rootDir) {
  const specs = specPaths(rootDir).filter((path) => !path.endsWith(`/${SUITE}`));
  return pathPatterns(args).some((arg) => {
    let pattern;
    try {
      pattern = new RegExp(arg.startsWith('./') ? `^${arg.slice(2)}` : arg, 'i');
    } catch {
      return false;
    }
    const matches = (path) => pattern.test(path) || pattern.test(join(rootDir, path));
    return specs.some((spec) => matches(spec) && !matches(`${dirname(spec)}/${SUITE}`));
  });
}

/**
 * Specs no suite would run: a spec directly in test/, or in a folder (at any depth) without its own
 * all.e2e-spec.ts (a suite imports only the specs beside it).
 */
export function specsWithoutSuite(rootDir) {
  const paths = specPaths(rootDir);
  const suites = new Set(paths.filter((path) => path.endsWith(`/${SUITE}`)).map((path) => dirname(path)));
  return paths.filter((path) => dirname(path) === 'test' || !suites.has(dirname(path)));
}

/** The e2e project's file settings for this command line (refusing specs that no suite runs). */
export function e2eFiles(rootDir, args = process.argv.slice(2)) {
  const suites = `/test/.+/${SUITE.replaceAll('.', '\\.')}$`;
  if (namesSpecFiles(args, rootDir))
    return { testMatch: [`<rootDir>/test/**/*${SPEC}`], testPathIgnorePatterns: ['/node_modules/', suites] };
  const orphans = specsWithoutSuite(rootDir);
  if (orphans.length)
    throw new Error(
      `${orphans.join(', ')}: no suite runs these specs; put them in a folder of test/ with its own ${SUITE} ` +
        `(copy one from another folder)`,
    );
  return { testMatch: [`<rootDir>/test/**/${SUITE}`] };
}
