// A @web/test-runner reporter that writes the run's own totals per test file to a JSON file
// (scripts/test-results.ts), so the test script can print `N passed, N failed` and run a
// failed file once more. A test file that failed to load (or threw outside a test) counts
// as one failure: a run that executed nothing must not look green. Skipped and failed tests
// are listed by their full title (a failure with its first error line), so the end of a long
// log says what went wrong without scrolling back.
import type {Reporter, TestSuiteResult} from '@web/test-runner-core';
import {firstLine, resultOf, writeResults, type FileResult, type RunResults} from './test-results.js';

function countSuite(suite: TestSuiteResult, result: FileResult, path: string[] = []): void {
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests) {
    const title = [...names, test.name].join(' > ');
    if (test.skipped) {
      result.skipped++;
      result.skippedTitles.push(title);
    } else if (test.passed) result.passed++;
    else {
      result.failed++;
      result.failedTitles.push(`${title}: ${firstLine(test.error, 'no error message')}`);
    }
  }
  for (const child of suite.suites) countSuite(child, result, names);
}

export function countingReporter(file: string | undefined): Reporter {
  return {
    onTestRunFinished({sessions}) {
      const results: RunResults = {};
      for (const session of sessions) {
        const result = resultOf(results, session.testFile);
        const before = result.failed + result.passed;
        if (session.testResults) countSuite(session.testResults, result);
        const ranNothing = result.failed + result.passed === before;
        if ((session.errors.length > 0 || ranNothing) && !session.passed) {
          result.failed++;
          result.failedTitles.push(`(the file) ${firstLine(session.errors[0], 'ran no test')}`);
        }
      }
      if (file) writeResults(file, results);
    },
  };
}
