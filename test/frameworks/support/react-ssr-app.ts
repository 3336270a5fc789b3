// The server-rendered React 19 app (test/frameworks/apps/react19-ssr/) set up like an example, from
// the packed package (example-app.ts), built with esbuild in its folder (so React and
// metabase-embed resolve to that folder's copies): the client bundle as a dev server would
// serve it (React's and Lit's development builds, which report hydration mismatches and
// Lit's warnings in the console), the server for Node; then `node dist/server.js` against
// the emulator.
import {join} from 'node:path';
import {build} from 'esbuild';
import {exampleEnv, prepareExample, repo, startExampleProcess} from './example-app.js';

const NAME = 'react19-ssr';

export interface ReactSsrApp {
  dir: string;
  url: string;
  close(): Promise<void>;
}

/** `port`: where the app's server listens; default 0, any free port. */
export async function startReactSsrApp({
  emulator,
  secretKey,
  port = 0,
}: {
  emulator: {url: string};
  secretKey: string;
  port?: number;
}): Promise<ReactSsrApp> {
  const dir = prepareExample(NAME, {outputs: ['dist'], source: join(repo, 'test/frameworks/apps', NAME)});
  const common = {absWorkingDir: dir, bundle: true, format: 'esm', jsx: 'automatic', logLevel: 'warning'} as const;
  await build({
    ...common,
    entryPoints: ['src/client.tsx'],
    outfile: 'dist/client.js',
    platform: 'browser',
    conditions: ['development'],
    define: {'process.env.NODE_ENV': '"development"'},
  });
  await build({
    ...common,
    entryPoints: ['src/server.tsx'],
    outfile: 'dist/server.js',
    platform: 'node',
    packages: 'external',
  });
  const server = await startExampleProcess(dir, ['dist/server.js'], {
    env: exampleEnv({METABASE_SITE_URL: emulator.url, METABASE_SECRET_KEY: secretKey, PORT: String(port)}),
    ready: /Open (http:\/\/127\.0\.0\.1:\d+\/)/,
  });
  return {dir, url: server.url, close: () => server.close()};
}
