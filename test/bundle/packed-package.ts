// `npm pack` of this project (the dist/ that `npm test` built) installed into a scratch app, as
// a consumer gets the package. Shared by the package and bundled-size tests.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

export const projectDir = process.cwd();

/** Runs a command to completion; fails the test with its output when it fails. */
export function sh(command: string, args: string[], cwd: string): {stdout: string; stderr: string} {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, npm_config_update_notifier: 'false'},
  });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return {stdout: result.stdout, stderr: result.stderr};
}

/** Packs the project into `scratch` and returns the tarball's path. */
export function packProject(scratch: string): string {
  // --ignore-scripts: `prepack` would rebuild dist/, which `npm test` built already.
  const [packed] = JSON.parse(
    sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], projectDir).stdout,
  ) as Array<{filename: string}>;
  if (!packed) throw new Error('npm pack listed no tarball');
  return join(scratch, packed.filename);
}

/** A new ESM app in `appDir` with `specs` (the tarball first) installed; returns npm's output. */
export function installApp(appDir: string, specs: string[]): {stdout: string; stderr: string} {
  mkdirSync(appDir, {recursive: true});
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}));
  return sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], appDir);
}
