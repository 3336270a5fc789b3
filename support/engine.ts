// Browser side of the tests: which engine runs this page, and tests that one engine cannot
// run. Such a test is still declared there, as a skipped test whose title says which engine
// and why; the runner counts it and scripts/test.ts lists it under that engine's totals.
export type Engine = 'chromium' | 'firefox' | 'webkit';

const userAgent = navigator.userAgent;
export const engine: Engine = userAgent.includes('Firefox/')
  ? 'firefox'
  : userAgent.includes('Chrome/')
    ? 'chromium'
    : 'webkit';

/** `it`, except in the engines named in `cannot`, where it is skipped with that reason in its title. */
export function itExceptIn(
  cannot: Partial<Record<Engine, string>>,
  title: string,
  test: Mocha.Func | Mocha.AsyncFunc,
): Mocha.Test {
  const reason = cannot[engine];
  return reason ? it.skip(`${title} [skipped in ${engine}: ${reason}]`, test) : it(title, test);
}

/** `describe`, except in the engines named in `cannot`, where the whole suite is skipped (hooks too). */
export function describeExceptIn(
  cannot: Partial<Record<Engine, string>>,
  title: string,
  suite: (this: Mocha.Suite) => void,
): Mocha.Suite | void {
  const reason = cannot[engine];
  return reason ? describe.skip(`${title} [skipped in ${engine}: ${reason}]`, suite) : describe(title, suite);
}

/** Why a test needs Chromium: test/support/hardening-plugin.ts drives it through puppeteer's CDP session. */
export const chromiumOnlyCommands: Partial<Record<Engine, string>> = {
  firefox:
    'the hardening-* test commands (network faults, a restartable emulator, dialogs) are built on the Chromium launcher',
  webkit:
    'the hardening-* test commands (network faults, a restartable emulator, dialogs) are built on the Chromium launcher',
};
