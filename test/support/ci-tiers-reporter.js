/**
 * A jest reporter: in CI (CI set, not "false" or "0"), a run fails unless the integration tier ran
 * at least one test and skipped none, so LibreOffice and Chromium cannot silently drop out of CI.
 * It prints why before jest's summary, which stays the last lines.
 */
class CiTiersReporter {
  constructor() {
    this.ran = 0;
    this.skipped = 0;
    this.error = undefined;
  }

  onTestFileResult(test, result) {
    if (test.context.config.displayName?.name !== 'integration') return;
    this.ran += result.numPassingTests + result.numFailingTests;
    this.skipped += result.numPendingTests + result.numTodoTests;
  }

  onRunComplete() {
    const ci = process.env.CI;
    if (!ci || ci === 'false' || ci === '0') return;
    const wrong =
      this.ran === 0
        ? 'ran no test'
        : this.skipped > 0
          ? `skipped ${this.skipped} test(s)`
          : undefined;
    if (!wrong) return;
    this.error = new Error(
      `CI: the integration tier (LibreOffice, Chromium, the build) ${wrong}; in CI it must run ` +
        'in full: npm test, or npm run test:integration.',
    );
    process.stderr.write(`\n${this.error.message}\n`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = CiTiersReporter;
