// A @web/test-runner reporter that writes the run's own totals to a JSON file, so the
// test script can print `N passed, N failed`. A test file that failed to load (or threw
// outside a test) counts as one failure: a run that executed nothing must not look green.
// Skipped and failed tests are listed by their full title (a failure with its first error
// line), so the end of a long log says what went wrong without scrolling back.
import {writeFileSync} from 'node:fs';

const firstLine = (error, fallback) => error?.message?.split('\n')[0] ?? fallback;

function countSuite(suite, totals, path = []) {
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) {
    const title = [...names, test.name].join(' > ');
    if (test.skipped) {
      totals.skipped++;
      totals.skippedTitles.push(title);
    } else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failedTitles.push(`${title}: ${firstLine(test.error, 'no error message')}`);
    }
  }
  for (const child of suite.suites ?? []) countSuite(child, totals, names);
}

export function countingReporter(file) {
  return {
    onTestRunFinished({sessions}) {
      const totals = {passed: 0, failed: 0, skipped: 0, skippedTitles: [], failedTitles: []};
      for (const session of sessions) {
        const before = totals.failed + totals.passed;
        if (session.testResults) countSuite(session.testResults, totals);
        const ranNothing = totals.failed + totals.passed === before;
        const sessionErrors = (session.errors?.length ?? 0) > 0;
        if ((sessionErrors || ranNothing) && !session.passed) {
          totals.failed++;
          totals.failedTitles.push(`${session.testFile}: ${firstLine(session.errors?.[0], 'ran no test')}`);
        }
      }
      if (file) writeFileSync(file, JSON.stringify(totals));
    },
  };
}
