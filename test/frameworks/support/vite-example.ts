// A Vite example (examples/vite-*/) as its user runs it, in its folder from example-app.ts:
// the type check of its `npm run build`, then `vite build --sourcemap` (the maps let
// example-size.ts find the element's bytes), its token endpoint `node server.mjs` with the
// deployment's settings, and `vite preview`, which forwards /api to the endpoint
// (ENDPOINT_ORIGIN, read by the example's vite.config.ts). Or, as `npm run dev` does, the
// endpoint and `vite` (its dev server: development builds of Lit and the framework, which
// warn in the console when something is off).
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {performance} from 'node:perf_hooks';
import {exampleDir, exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './example-app.js';
import type {CommandResult, RunningProcess} from './example-app.js';
import {itServesTheSalesDashboard, servedExample} from './example-checks.js';

export interface ViteExample {
  dir: string;
  typeCheck: CommandResult;
  build: CommandResult;
  /** The app as `vite preview` serves it. */
  url: string;
  /**
   * Milliseconds each step took, to report next to the dev server's; `prepare` (npm pack and
   * the dependencies, once per file) is shared with it.
   */
  timings: {prepare: number; typeCheck: number; build: number; ready: number};
  close(): Promise<void>;
}

export interface ViteDevServer {
  dir: string;
  /** The app as `vite` (the dev server) serves it. */
  url: string;
  /** What the dev server printed so far. */
  output(): string;
  /** Milliseconds from starting `vite` to its printed address. */
  timings: {ready: number};
  close(): Promise<void>;
}

const VITE_BIN = 'node_modules/vite/bin/vite.js';

// The packed package and the dependencies are set up once per test file: the dev server runs
// in the folder the production build was made in (and `npm pack` is the slow part).
const prepared = new Set<string>();
function preparedExample(name: string): string {
  const dir = prepareExample(name, {outputs: ['dist']});
  prepared.add(name);
  return dir;
}

const since = (start: number) => Math.round(performance.now() - start);

type Deployment = {emulator: {url: string}; secretKey: string};

/**
 * The example's endpoint, then `vite <command…>` forwarding /api to it; closes the endpoint
 * if Vite fails to start. `ready`: milliseconds from starting Vite to its printed address.
 */
async function startWithEndpoint(dir: string, command: string[], deployment: Deployment) {
  const endpoint = await startEndpoint(dir, deployment);
  try {
    const start = performance.now();
    const vite = await startVite(dir, command, endpoint);
    const ready = since(start);
    return {vite, ready, close: () => Promise.all([vite.close(), endpoint.close()]).then(() => undefined)};
  } catch (error) {
    await endpoint.close();
    throw error;
  }
}

/** The example's `node server.mjs` against the emulator, on a free port. */
const startEndpoint = (dir: string, {emulator, secretKey}: Deployment) =>
  startExampleProcess(dir, ['server.mjs'], {
    env: exampleEnv({METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: secretKey, PORT: '0'}),
    ready: /Token endpoint: (http:\/\/127\.0\.0\.1:\d+)\//,
  });

/** `vite <command…>` on a free loopback port, forwarding /api to `endpoint`. */
const startVite = (dir: string, command: string[], endpoint: RunningProcess) =>
  startExampleProcess(dir, [VITE_BIN, ...command, '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    env: exampleEnv({ENDPOINT_ORIGIN: endpoint.url}),
    ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/,
  });

/**
 * `typeCheck` is the bin (under node_modules) and arguments of the type check the example's
 * build script runs first, e.g. `['vue-tsc/bin/vue-tsc.js', '-b']`.
 */
export async function startViteExample(
  name: string,
  {typeCheck, ...deployment}: {typeCheck: string[]} & Deployment,
): Promise<ViteExample> {
  let start = performance.now();
  const dir = preparedExample(name);
  const timings = {prepare: since(start), typeCheck: 0, build: 0};
  const [bin, ...args] = typeCheck;
  start = performance.now();
  const checked = runExampleBin(dir, bin!, args);
  timings.typeCheck = since(start);
  start = performance.now();
  const build = runExampleBin(dir, VITE_BIN.replace('node_modules/', ''), ['build', '--sourcemap']);
  timings.build = since(start);
  if (build.code !== 0) throw new Error(`vite build failed in ${dir}:\n${build.output}`);
  const {vite, ready, close} = await startWithEndpoint(dir, ['preview'], deployment);
  return {dir, typeCheck: checked, build, url: vite.url, timings: {...timings, ready}, close};
}

/**
 * The example under `vite` (`npm run dev`), with its endpoint. `--force`: the dependencies
 * are bundled anew, not taken from a cache made with an earlier packed package.
 */
export async function startViteDevServer(name: string, deployment: Deployment): Promise<ViteDevServer> {
  const dir = prepared.has(name) ? exampleDir(name) : preparedExample(name);
  const {vite, ready, close} = await startWithEndpoint(dir, ['--force'], deployment);
  return {dir, url: vite.url, output: () => vite.output(), timings: {ready}, close};
}

/**
 * In a `describe`, before its other hooks: logs how long its run took, from its first
 * `before` to its last case, with `details()` (e.g. the steps' timings), to compare the
 * production and dev-server runs of one example in one test run.
 */
export function logRunTime(label: string, details: () => string): void {
  let start = 0;
  before(() => {
    start = performance.now();
  });
  after(() => {
    console.log(`# ${label}: ${(since(start) / 1000).toFixed(1)} s in all (${details()})`);
  });
}

/** `ms` as seconds, for logRunTime's details. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The example's checks again under `vite` (`npm run dev`), in a `describe` of their own
 * titled `title`; declared after the production run's, whose folder it reuses.
 */
export function describeUnderViteDev(name: string, title: string): void {
  describe(title, () => {
    logRunTime(`${name}, dev server`, () => `vite ready in ${seconds(example.served().timings.ready)}`);
    const example = servedExample((emulator, secretKey) => startViteDevServer(name, {emulator, secretKey}));

    itServesTheSalesDashboard(`${name} (vite dev)`, () => ({
      app: example.page(),
      secretKey: example.secretKey,
      development: true,
    }));

    it('the dev server reports no warning or error and never reloads the page', () => {
      assert.doesNotMatch(example.served().output(), /warn|error|reload/i);
    });
  });
}
