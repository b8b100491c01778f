// Prints one plain closing line ("N passed, N failed, N skipped") that CI and people can read at a glance.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const {
      numPassedTests,
      numFailedTests,
      numPendingTests,
      numTodoTests,
      numFailedTestSuites,
      numRuntimeErrorTestSuites,
    } = results;
    const brokenSuites = numFailedTestSuites + numRuntimeErrorTestSuites > 0 && numFailedTests === 0 ? 1 : 0;
    process.stderr.write(
      `\ntests: ${numPassedTests} passed, ${numFailedTests + brokenSuites} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}
