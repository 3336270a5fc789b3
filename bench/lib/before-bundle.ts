// The element as it was at an earlier commit, bundled for the page like the CDN's classic
// script, so a benchmark can set the previous behaviour next to the current one in the same
// run. Its src/ is taken from git into the bench cache (inside node_modules, so its imports
// resolve to this checkout's packages) and bundled by esbuild; each commit is built once.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {build} from 'esbuild';

/**
 * main before the frame swap read heights (src/embed/frame-messages.ts): it swapped a new
 * frame in after 20 animation frames without a size change.
 */
export const swapBeforeRef = 'ec6ead7';

const cacheDir = 'node_modules/.cache/metabase-embed-bench/before-v2';

/** The classic-script bundle of src/cdn.ts at `ref`. */
export async function bundleAt(ref: string): Promise<Buffer> {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {encoding: 'utf8'}).trim();
  const dir = `${cacheDir}/${commit}`;
  const file = `${dir}/metabase-embed.iife.js`;
  if (!existsSync(file)) {
    mkdirSync(dir, {recursive: true});
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src']);
    execFileSync('tar', ['-x', '-C', dir], {input: archive});
    await build({
      entryPoints: [`${dir}/src/cdn.ts`],
      bundle: true,
      format: 'iife',
      minify: true,
      target: 'es2020',
      // This checkout's compiler options (class fields as the element's build compiles them).
      tsconfig: 'tsconfig.json',
      outfile: file,
      logLevel: 'error',
    });
  }
  return readFileSync(file);
}
