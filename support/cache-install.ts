// Installs packages that a benchmark or a test needs but the package must not depend on
// (other SDKs, another React major) into a folder under node_modules/.cache/, so `npm ci`
// never downloads them and the next `npm ci` removes them. Once per set of versions: a
// marker file named after a hash of the specs (a name of them all outgrows the file system's
// 255 bytes at about a dozen packages) says they are there, and lists them.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

/**
 * `npm install --prefix <folder> <specs>` (exact versions, no scripts, no lockfile) unless
 * that set is installed already; returns the folder's node_modules.
 */
export function installIntoCache(folder: string, specs: string[]): string {
  const marker = join(folder, `installed-${createHash('sha256').update(specs.join('\n')).digest('hex').slice(0, 16)}`);
  if (!existsSync(marker)) {
    mkdirSync(folder, {recursive: true});
    const result = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        folder,
        '--no-save',
        '--no-package-lock',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        ...specs,
      ],
      {stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, npm_config_update_notifier: 'false'}},
    );
    if (result.status !== 0) throw new Error(`npm install --prefix ${folder} ${specs.join(' ')} failed`);
    writeFileSync(marker, `${specs.join('\n')}\n`);
  }
  return join(folder, 'node_modules');
}
