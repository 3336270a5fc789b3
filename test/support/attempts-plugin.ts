// @web/test-runner plugin: the `test-attempt` command ({key}) counts a browser fixture's runs
// (attempts.ts), for the tests of the test script itself (test/machinery/).
import type {TestRunnerPlugin} from '@web/test-runner-core';
import {nextAttempt} from './attempts.js';

export function attemptsPlugin(): TestRunnerPlugin<{key: string}> {
  return {
    name: 'attempts',
    executeCommand({command, payload}) {
      if (command !== 'test-attempt') return undefined;
      if (typeof payload?.key !== 'string') throw new Error('test-attempt: give {key}');
      return nextAttempt(payload.key);
    },
  };
}
