// node scripts/tests-alone.mjs [--no-build] [--only <regex>] <test files…>
// Does every test run alone? Runs each file once (jest --json) to list its tests and how they did
// in the file, then runs each test alone (-t with its anchored, regex-escaped full name) and
// reports every test that passes in the file but fails alone, and every name that runs no test
// or more than one alone (a name that is not unique, or that jest's pattern does not match).
// --only checks alone just the tests whose full names match (each file still runs whole once).
// Runs jest under `nice -n 10`, one process at a time. Exit code 1 when anything is reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const JEST = [
  'node',
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
];

/** A pattern that matches exactly this name as jest's -t sees it (describe titles and test title joined by spaces). */
export function anchoredPattern(fullName) {
  return `^${fullName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
}

const TIMEOUT_MS = 180_000;
const work = mkdtempSync(join(tmpdir(), 'tests-alone-'));
let runs = 0;

/** One jest run of `file` (optionally only the tests matching `pattern`); its --json result for that file. */
function runJest(file, pattern) {
  const out = join(work, `run-${++runs}.json`);
  // A generous timeout: the question is whether a test depends on others, not how fast a shared machine is.
  const args = [...JEST, '--runTestsByPath', file, '--json', `--outputFile=${out}`, '--ci', '--silent'];
  args.push(`--testTimeout=${TIMEOUT_MS}`);
  if (pattern !== undefined) args.push('--testNamePattern', pattern);
  const started = Date.now();
  const child = spawnSync('nice', ['-n', '10', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - started) / 1000;
  let json;
  try {
    json = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    return { error: `jest wrote no result (exit ${child.status}): ${child.stderr.slice(-2000)}`, seconds };
  }
  const result = json.testResults[0];
  if (!result) return { error: `jest found no test file ${file}`, seconds };
  const tests = result.assertionResults.map((a) => ({
    fullName: a.fullName,
    status: a.status,
    failure: a.failureMessages.join('\n'),
  }));
  return { tests, fileError: result.status === 'failed' && tests.length === 0 ? result.message : undefined, seconds };
}

const firstLines = (text, n = 6) => text.split('\n').slice(0, n).join('\n      ');

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'no-build': { type: 'boolean' }, only: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error('usage: node scripts/tests-alone.mjs [--no-build] [--only <regex>] <test files…>');
    process.exit(2);
  }
  if (!values['no-build']) {
    const build = spawnSync('nice', ['-n', '10', 'npm', 'run', 'build', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 2);
  }

  const problems = [];
  const summary = [];
  for (const file of positionals) {
    const whole = runJest(file);
    if (whole.error || whole.fileError) {
      problems.push(`${file}: the file itself did not run: ${firstLines(whole.error ?? whole.fileError)}`);
      summary.push({ file, tests: 0, alone: 0, problems: 1, seconds: whole.seconds });
      continue;
    }
    const only = values.only === undefined ? undefined : new RegExp(values.only);
    const listed = whole.tests.filter(
      (t) => (t.status === 'passed' || t.status === 'failed') && (!only || only.test(t.fullName)),
    );
    const counts = new Map();
    for (const t of whole.tests) counts.set(t.fullName, (counts.get(t.fullName) ?? 0) + 1);
    let fileProblems = 0;
    let seconds = whole.seconds;
    const inFile = whole.tests.filter((t) => t.status === 'passed' || t.status === 'failed').length;
    const which = listed.length === inFile ? 'each' : `${listed.length} of them`;
    console.log(`${file}: ${inFile} tests in ${whole.seconds.toFixed(1)} s; ${which} alone:`);
    for (const t of listed) {
      const report = (what) => {
        fileProblems++;
        problems.push(`${file}\n    "${t.fullName}": ${what}`);
        console.log(`  ✗ ${t.fullName}: ${what.split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ')}`);
      };
      if (counts.get(t.fullName) > 1) {
        report(`${counts.get(t.fullName)} tests share this name: -t cannot pick one`);
        continue;
      }
      if (t.status === 'failed') {
        report(`fails in the file too (not checked alone)\n      ${firstLines(t.failure)}`);
        continue;
      }
      const alone = runJest(file, anchoredPattern(t.fullName));
      seconds += alone.seconds;
      if (alone.error || alone.fileError) {
        report(`the file did not run: ${firstLines(alone.error ?? alone.fileError)}`);
        continue;
      }
      const ran = alone.tests.filter((a) => a.status === 'passed' || a.status === 'failed');
      if (ran.length !== 1) {
        report(`-t ran ${ran.length} tests (${ran.map((a) => a.fullName).join('; ') || 'none'})`);
      } else if (ran[0].status === 'failed') {
        report(`passes in the file, fails alone:\n      ${firstLines(ran[0].failure)}`);
      } else {
        console.log(`  ✓ ${t.fullName} (${alone.seconds.toFixed(1)} s)`);
      }
    }
    summary.push({ file, tests: listed.length, alone: listed.length - fileProblems, problems: fileProblems, seconds });
  }
  rmSync(work, { recursive: true, force: true });

  console.log('\nSummary (tests / pass alone / problems / seconds):');
  for (const s of summary)
    console.log(`  ${s.file}: ${s.tests} / ${s.alone} / ${s.problems} / ${s.seconds.toFixed(0)}`);
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`  ${p}`);
    process.exit(1);
  }
  console.log('\nEvery test passed alone.');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
