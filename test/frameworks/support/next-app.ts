// The Next.js example (examples/nextjs/) as a user builds it (support/example-app.ts: its
// pinned dependencies and the packed package), `next build` without METABASE_* set, then
// `next start` on a free port; or `next dev`, the development server.
import {renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {exampleDir, exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './example-app.js';
import type {CommandResult, RunningProcess} from './example-app.js';

/** The app's folder: its files, its node_modules and its build. */
export const nextAppDir = exampleDir('nextjs');

const NEXT_BIN = 'next/dist/bin/next';

/** Where `next build` writes the browser's JavaScript (with source maps, see below). */
export const nextClientBuild = '.next/static';

export type NextBuild = CommandResult;

/**
 * `next build` in the app folder, with no METABASE_* variable set (as on a build machine).
 * The example's config is wrapped to add browser source maps, only so that the size report
 * (example-size.ts) can tell the element's bytes apart; the code built is the same.
 */
export function buildNextApp(): NextBuild {
  prepareExample('nextjs', {outputs: ['.next']});
  renameSync(join(nextAppDir, 'next.config.mjs'), join(nextAppDir, 'next.config.example.mjs'));
  writeFileSync(
    join(nextAppDir, 'next.config.mjs'),
    "import config from './next.config.example.mjs';\n\nexport default {...config, productionBrowserSourceMaps: true};\n",
  );
  return runExampleBin(nextAppDir, NEXT_BIN, ['build']);
}

export type RunningNext = RunningProcess;

const settings = ({siteUrl, secretKey}: {siteUrl: string; secretKey: string}) =>
  exampleEnv({METABASE_SITE_URL: siteUrl, METABASE_SECRET_KEY: secretKey});

const ready = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/?)/;

/** `next start` on a free loopback port, with the deployment's settings in its environment. */
export function startNextApp(deployment: {siteUrl: string; secretKey: string}): Promise<RunningNext> {
  return startExampleProcess(nextAppDir, [`node_modules/${NEXT_BIN}`, 'start', '-H', '127.0.0.1', '-p', '0'], {
    env: settings(deployment),
    ready,
  });
}

/**
 * `next dev` (React's and Lit's development builds, compiled on the first visit) on a free
 * loopback port. It writes to .next/dev, beside `next build`'s output.
 */
export function startNextDev(deployment: {siteUrl: string; secretKey: string}): Promise<RunningNext> {
  return startExampleProcess(nextAppDir, [`node_modules/${NEXT_BIN}`, 'dev', '-H', '127.0.0.1', '-p', '0'], {
    env: settings(deployment),
    ready,
  });
}
