// The Next.js example (examples/nextjs/) as a user builds it (support/example-app.ts: its
// pinned dependencies and the packed package), `next build` without METABASE_* set, then
// `next start` on a free port.
import {exampleDir, exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './example-app.js';
import type {CommandResult, RunningProcess} from './example-app.js';

/** The app's folder: its files, its node_modules and its build. */
export const nextAppDir = exampleDir('nextjs');

const NEXT_BIN = 'next/dist/bin/next';

export type NextBuild = CommandResult;

/** `next build` in the app folder, with no METABASE_* variable set (as on a build machine). */
export function buildNextApp(): NextBuild {
  prepareExample('nextjs', {outputs: ['.next']});
  return runExampleBin(nextAppDir, NEXT_BIN, ['build']);
}

export type RunningNext = RunningProcess;

/** `next start` on a free loopback port, with the deployment's settings in its environment. */
export function startNextApp(settings: {siteUrl: string; secretKey: string}): Promise<RunningNext> {
  return startExampleProcess(nextAppDir, [`node_modules/${NEXT_BIN}`, 'start', '-H', '127.0.0.1', '-p', '0'], {
    env: exampleEnv({METABASE_SITE_URL: settings.siteUrl, METABASE_SECRET_KEY: settings.secretKey}),
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/?)/,
  });
}
