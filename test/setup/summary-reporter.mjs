// One plain closing line ("tests: N passed, N failed, N skipped"), printed after the run and,
// when SILLOK_TEST_SUMMARY_FILE is set, written there so .ci/run can print it as its last line.
import { writeFileSync } from 'node:fs';

export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failedSuitesWithoutTests =
      results.numFailedTests === 0 ? results.numFailedTestSuites + results.numRuntimeErrorTestSuites : 0;
    const line =
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests + failedSuitesWithoutTests} failed, ` +
      `${results.numPendingTests + results.numTodoTests} skipped`;
    process.stderr.write(`\n${line}\n`);
    if (process.env.SILLOK_TEST_SUMMARY_FILE) writeFileSync(process.env.SILLOK_TEST_SUMMARY_FILE, line + '\n');
  }
}
