// A Vite example (examples/vite-*/) as its user runs it, in its folder from example-app.ts:
// the type check of its `npm run build`, then `vite build --sourcemap` (the maps let
// example-size.ts find the element's bytes), its token endpoint `node server.mjs` with the
// deployment's settings, and `vite preview`, which forwards /api to the endpoint
// (ENDPOINT_ORIGIN, read by the example's vite.config.ts).
import {exampleEnv, prepareExample, runExampleBin, startExampleProcess} from './example-app.js';
import type {CommandResult, RunningProcess} from './example-app.js';

export interface ViteExample {
  dir: string;
  typeCheck: CommandResult;
  build: CommandResult;
  /** The app as `vite preview` serves it. */
  url: string;
  close(): Promise<void>;
}

const VITE_BIN = 'node_modules/vite/bin/vite.js';

/**
 * `typeCheck` is the bin (under node_modules) and arguments of the type check the example's
 * build script runs first, e.g. `['vue-tsc/bin/vue-tsc.js', '-b']`.
 */
export async function startViteExample(
  name: string,
  {typeCheck, emulator, secretKey}: {typeCheck: string[]; emulator: {url: string}; secretKey: string},
): Promise<ViteExample> {
  const dir = prepareExample(name, {outputs: ['dist']});
  const [bin, ...args] = typeCheck;
  const checked = runExampleBin(dir, bin!, args);
  const build = runExampleBin(dir, VITE_BIN.replace('node_modules/', ''), ['build', '--sourcemap']);
  if (build.code !== 0) throw new Error(`vite build failed in ${dir}:\n${build.output}`);
  const running: RunningProcess[] = [];
  const close = async () => {
    await Promise.all(running.map((process) => process.close()));
  };
  try {
    const endpoint = await startExampleProcess(dir, ['server.mjs'], {
      env: exampleEnv({METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: secretKey, PORT: '0'}),
      ready: /Token endpoint: (http:\/\/127\.0\.0\.1:\d+)\//,
    });
    running.push(endpoint);
    const preview = await startExampleProcess(
      dir,
      [VITE_BIN, 'preview', '--host', '127.0.0.1', '--port', '0', '--strictPort'],
      {env: exampleEnv({ENDPOINT_ORIGIN: endpoint.url}), ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/},
    );
    running.push(preview);
    return {dir, typeCheck: checked, build, url: preview.url, close};
  } catch (error) {
    await close();
    throw error;
  }
}
