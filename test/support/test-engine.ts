// Node side of the browser tests (plugins): which engine this test-runner process drives.
// web-test-runner.config.mjs picks the launcher from the same variable.
export type Engine = 'chromium' | 'firefox' | 'webkit';

export function testEngine(): Engine {
  return (process.env.WTR_BROWSER ?? 'chromium') as Engine;
}
