// Node side of the browser tests (plugins): which engine this test-runner process drives.
// web-test-runner.config.mjs picks the launcher from the same variable; engine.ts is the
// browser side.
import type {Engine} from '../../support/engine.js';

export function runnerEngine(): Engine {
  return (process.env.WTR_BROWSER ?? 'chromium') as Engine;
}
