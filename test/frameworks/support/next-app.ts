// The Next.js example (examples/nextjs/) as a user builds it: the packed package (npm pack)
// and the example's pinned dependencies in a cache folder (installed once per set of
// versions), `next build` without METABASE_* set, then `next start` on a free port.
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {installIntoCache} from '../../../support/cache-install.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const example = join(repo, 'examples/nextjs');
/** The app's folder: its files, its node_modules and its build. */
export const nextAppDir = join(repo, 'node_modules/.cache/metabase-embed-frameworks/nextjs');

const env: NodeJS.ProcessEnv = {...process.env, NEXT_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false'};
delete env['METABASE_SITE_URL'];
delete env['METABASE_SECRET_KEY'];

type Manifest = {dependencies?: Record<string, string>; devDependencies?: Record<string, string>};
const readManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** The example's dependencies at their pinned versions, and the package's own (the tarball's). */
function dependencySpecs(): string[] {
  const app = readManifest(join(example, 'package.json'));
  const pkg = readManifest(join(repo, 'package.json'));
  const pinned = {...app.dependencies, ...app.devDependencies, ...pkg.dependencies};
  delete pinned['metabase-embed'];
  return Object.entries(pinned).map(([name, version]) => `${name}@${version}`);
}

/** Packs the package, unpacks it into the app's node_modules and copies the example in. */
function prepareApp(): void {
  // No package.json while npm installs there: it would also fetch metabase-embed from the registry.
  rmSync(join(nextAppDir, 'package.json'), {force: true});
  installIntoCache(nextAppDir, dependencySpecs());
  const packed = mkdtempSync(join(tmpdir(), 'metabase-embed-pack-'));
  try {
    const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', packed], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const tarball = readdirSync(packed).find((file) => file.endsWith('.tgz'))!;
    const target = join(nextAppDir, 'node_modules/metabase-embed');
    rmSync(target, {recursive: true, force: true});
    mkdirSync(target, {recursive: true});
    const untar = spawnSync('tar', ['-xzf', join(packed, tarball), '-C', target, '--strip-components=1']);
    if (untar.status !== 0) throw new Error(`tar failed: ${String(untar.stderr)}`);
  } finally {
    rmSync(packed, {recursive: true, force: true});
  }
  rmSync(join(nextAppDir, '.next'), {recursive: true, force: true});
  cpSync(example, nextAppDir, {recursive: true, filter: (source) => !/[/\\](\.next|node_modules)$/.test(source)});
}

const nextBin = () => join(nextAppDir, 'node_modules/next/dist/bin/next');

export interface NextBuild {
  code: number | null;
  output: string;
}

/** `next build` in the app folder, with no METABASE_* variable set (as on a build machine). */
export function buildNextApp(): NextBuild {
  prepareApp();
  const build = spawnSync(process.execPath, [nextBin(), 'build'], {cwd: nextAppDir, env, encoding: 'utf8'});
  return {code: build.status, output: `${build.stdout}${build.stderr}`};
}

export interface RunningNext {
  url: string;
  /** What the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

/** `next start` on a free loopback port, with the deployment's settings in its environment. */
export async function startNextApp(settings: {siteUrl: string; secretKey: string}): Promise<RunningNext> {
  const child: ChildProcess = spawn(process.execPath, [nextBin(), 'start', '-H', '127.0.0.1', '-p', '0'], {
    cwd: nextAppDir,
    env: {...env, METABASE_SITE_URL: settings.siteUrl, METABASE_SECRET_KEY: settings.secretKey},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (local) resolve(`${local[1]}/`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`next start exited (${code}): ${output}`)));
  });
  return {
    url,
    output: () => output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
