// Browser tests in one engine per run, chosen by WTR_BROWSER (chromium, the default; firefox;
// webkit): real browsers (found by support/browsers.ts; launched by support/chromium.ts,
// scripts/firefox.ts, webkit.ts), sources compiled by esbuild. scripts/test.ts runs the engines one
// after another, and writes each run's per-file totals to WTR_RESULTS_FILE.
// Runs under `node --import tsx` (see scripts/test.ts) so its modules may be TypeScript.
import {createServer} from 'node:net';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {countingReporter} from './scripts/counting-reporter.ts';
import {chromiumFlags, requireChromiumPath} from './support/chromium.ts';
import {firefoxLauncher} from './scripts/firefox.ts';
import {webkitLauncher} from './scripts/webkit.ts';
import {discoverTests, isNodeTest} from './scripts/test-files.ts';
import {testServerPlugins} from './test/support/plugins.ts';

const launchers = {
  chromium: () =>
    chromeLauncher({launchOptions: {executablePath: requireChromiumPath(), headless: true, args: chromiumFlags}}),
  firefox: firefoxLauncher,
  webkit: webkitLauncher,
};
const engine = process.env.WTR_BROWSER ?? 'chromium';
if (!Object.hasOwn(launchers, engine))
  throw new Error(`WTR_BROWSER is "${engine}": it must be one of ${Object.keys(launchers).join(', ')}.`);

// A port the system hands out now, not the runner's default search from 8000 upwards: two
// runs started at once on one machine both found 8000 free, and one died with EADDRINUSE.
const port = await new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const {port: free} = probe.address();
    probe.close(() => resolve(free));
  });
});

export default {
  nodeResolve: true,
  port,
  rootDir: '.',
  files: discoverTests().filter((file) => !isNodeTest(file)),
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
  reporters: [defaultReporter(), countingReporter(process.env.WTR_RESULTS_FILE)],
};
