// Browser tests in one engine per run, chosen by WTR_BROWSER (chromium, the default; firefox;
// webkit): real browsers (Debian's, see scripts/chromium.mjs, firefox.mjs, webkit.mjs),
// sources compiled by esbuild. scripts/test.mjs runs the engines one after another.
// Runs under `node --import tsx` (see scripts/test.mjs) so plugins may be TypeScript.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {countingReporter} from './scripts/counting-reporter.mjs';
import {chromiumFlags, chromiumPath} from './scripts/chromium.mjs';
import {firefoxLauncher} from './scripts/firefox.mjs';
import {webkitLauncher} from './scripts/webkit.mjs';
import {testServerPlugins} from './test/support/plugins.ts';

const launchers = {
  chromium: () =>
    chromeLauncher({launchOptions: {executablePath: chromiumPath(), headless: true, args: chromiumFlags}}),
  firefox: firefoxLauncher,
  webkit: webkitLauncher,
};
const engine = process.env.WTR_BROWSER ?? 'chromium';
if (!Object.hasOwn(launchers, engine))
  throw new Error(`WTR_BROWSER is "${engine}": it must be one of ${Object.keys(launchers).join(', ')}.`);

export default {
  nodeResolve: true,
  rootDir: '.',
  files: ['test/**/*.test.ts', 'emulator/test/**/*.test.ts', '!**/*.node.test.ts'],
  // One page at a time: Chromium does not lay out cross-origin iframes in a background tab,
  // so a second concurrent test page would see zero heights; the WebDriver launcher runs
  // every file in one window only with concurrency 1.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  // Generous per-test limit: waits are on events and predicates, so a slow machine only takes longer.
  testFramework: {config: {timeout: 30_000}},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'}), ...testServerPlugins],
  browsers: [launchers[engine]()],
  reporters: [defaultReporter(), countingReporter(process.env.WTR_COUNTS_FILE)],
};
