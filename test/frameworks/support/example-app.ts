// An example of examples/ as a user sets it up: its pinned dependencies in a cache folder
// (support/cache-install.ts: installed once per set of versions), the package itself from
// `npm pack` (so only what the tarball holds is there), the example's files copied beside
// them; then its own commands run there (`vite build`, `node server.mjs`, …).
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {stripVTControlCharacters} from 'node:util';
import {fileURLToPath} from 'node:url';
import {installIntoCache} from '../../../support/cache-install.js';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** examples/<name>, as committed. */
export const exampleSource = (name: string) => join(repo, 'examples', name);

/** The example's folder in the test run: its files, its node_modules and its build. */
export const exampleDir = (name: string) => join(repo, 'node_modules/.cache/metabase-embed-frameworks', name);

/**
 * The environment of the example's commands: no METABASE_* (as on a build machine), no
 * telemetry, and no colours: with `CI` set, picocolors (Vite, Next) colours its output even
 * into a pipe, and an escape code inside "http://127.0.0.1:<port>" hides the address the
 * tests wait for.
 */
export function exampleEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
  delete env['METABASE_SITE_URL'];
  delete env['METABASE_SECRET_KEY'];
  delete env['FORCE_COLOR'];
  return {...env, ...extra};
}

type Manifest = {dependencies?: Record<string, string>; devDependencies?: Record<string, string>};
const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** The package's version, as the tarball and the CDN address carry it. */
export const packageVersion = () =>
  (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {version: string}).version;

/** The app's dependencies at their pinned versions, and the package's own (the tarball's). */
function dependencySpecs(source: string): string[] {
  const app = readManifest(join(source, 'package.json'));
  const pkg = readManifest(join(repo, 'package.json'));
  const pinned = {...app.dependencies, ...app.devDependencies, ...pkg.dependencies};
  delete pinned['metabase-embed'];
  return Object.entries(pinned).map(([dependency, version]) => `${dependency}@${version}`);
}

/** `npm pack` (which builds, through `prepack`) unpacked into `target`. */
function unpackPackage(target: string): void {
  const packed = mkdtempSync(join(tmpdir(), 'metabase-embed-pack-'));
  try {
    const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', packed], {
      cwd: repo,
      env: exampleEnv(),
      encoding: 'utf8',
    });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const tarball = readdirSync(packed).find((file) => file.endsWith('.tgz'))!;
    rmSync(target, {recursive: true, force: true});
    mkdirSync(target, {recursive: true});
    const untar = spawnSync('tar', ['-xzf', join(packed, tarball), '-C', target, '--strip-components=1']);
    if (untar.status !== 0) throw new Error(`tar failed: ${String(untar.stderr)}`);
  } finally {
    rmSync(packed, {recursive: true, force: true});
  }
}

/**
 * Sets examples/<name> up in its cache folder: its pinned dependencies, the packed package in
 * node_modules/metabase-embed, its files (a fresh copy; `outputs` are build folders to remove
 * first, e.g. `dist`). Returns the folder. `source`: a test app's folder (with its
 * package.json) instead of examples/<name>.
 */
export function prepareExample(
  name: string,
  {outputs = [], source = exampleSource(name)}: {outputs?: string[]; source?: string} = {},
): string {
  const dir = exampleDir(name);
  // No package.json while npm installs there: it would also fetch metabase-embed from the registry.
  rmSync(join(dir, 'package.json'), {force: true});
  installIntoCache(dir, dependencySpecs(source));
  unpackPackage(join(dir, 'node_modules/metabase-embed'));
  for (const output of outputs) rmSync(join(dir, output), {recursive: true, force: true});
  const skipped = new Set(['node_modules', ...outputs]);
  cpSync(source, dir, {recursive: true, filter: (file) => !skipped.has(basename(file))});
  return dir;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs `node <the example's node_modules/<bin>> args` in its folder, as `npx <bin>` would. */
export function runExampleBin(dir: string, bin: string, args: string[], env = exampleEnv()): CommandResult {
  const result = spawnSync(process.execPath, [join(dir, 'node_modules', bin), ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  return {code: result.status, output: `${result.stdout}${result.stderr}`};
}

/** How long a server may take to print its address: minutes on a loaded 2-core machine. */
const READY_WITHIN_MS = 180_000;

export interface RunningProcess {
  /** The first match of `ready`'s first group: the URL the process printed. */
  url: string;
  /** What it printed so far. */
  output(): string;
  close(): Promise<void>;
}

/**
 * Starts `node args` in `dir` and resolves once its output matches `ready` (whose first
 * group is the URL it serves); rejects if it exits first.
 */
export async function startExampleProcess(
  dir: string,
  args: string[],
  {env = exampleEnv(), ready}: {env?: NodeJS.ProcessEnv; ready: RegExp},
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(process.execPath, args, {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  let giveUp: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = ready.exec(stripVTControlCharacters(output));
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)));
      // A process that runs on without printing its address would hold the test run until
      // CI's own limit: fail this file instead, with what it printed.
      giveUp = setTimeout(
        () => reject(new Error(`${args.join(' ')} printed no ${String(ready)} in ${READY_WITHIN_MS} ms: ${output}`)),
        READY_WITHIN_MS,
      );
    });
    return {url, output: () => output, close};
  } catch (error) {
    await close();
    throw error;
  } finally {
    clearTimeout(giveUp);
  }
}

/**
 * The example's `node server.mjs` (it serves the build and signs tokens) against Metabase at
 * `siteUrl`, on a free port; resolves with the address it prints as "Open <url>".
 */
export function startExampleServer(dir: string, {siteUrl, secretKey}: {siteUrl: string; secretKey: string}) {
  return startExampleProcess(dir, ['server.mjs'], {
    env: exampleEnv({METABASE_SITE_URL: siteUrl, METABASE_SECRET_KEY: secretKey, PORT: '0'}),
    ready: /Open (http:\/\/127\.0\.0\.1:\d+\/)/,
  });
}
