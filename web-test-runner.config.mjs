// Browser tests: real Chromium (Debian's, or CHROME_PATH), sources compiled by esbuild.
// Runs under `node --import tsx` (see scripts/test.mjs) so plugins may be TypeScript.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {countingReporter} from './scripts/counting-reporter.mjs';
import {chromiumFlags, chromiumPath} from './scripts/chromium.mjs';
import {testServerPlugins} from './test/support/plugins.ts';

export default {
  nodeResolve: true,
  rootDir: '.',
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  // One page at a time: Chromium does not lay out cross-origin iframes in a background tab,
  // so a second concurrent test page would see zero heights.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  // Generous per-test limit: waits are on events and predicates, so a slow machine only takes longer.
  testFramework: {config: {timeout: 30_000}},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'}), ...testServerPlugins],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: chromiumFlags,
      },
    }),
  ],
  reporters: [defaultReporter(), countingReporter(process.env.WTR_COUNTS_FILE)],
};
