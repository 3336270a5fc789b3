// Builds a framework test app (react18/) with Vite and its own vite.config.ts, as
// `npx vite build` in its folder would, into `outDir`.
import {fileURLToPath} from 'node:url';
import {build} from 'vite';

export type BuiltFramework = 'react18';

export const appRoot = (app: BuiltFramework) => fileURLToPath(new URL(`./${app}/`, import.meta.url));

/**
 * `development`: as a dev server would, with the `development` export condition (Lit's and
 * React's development builds, which warn in the console) instead of the production ones.
 */
export async function buildFrameworkApp(
  app: BuiltFramework,
  outDir: string,
  {development = false}: {development?: boolean} = {},
): Promise<void> {
  const root = appRoot(app);
  await build({
    root,
    logLevel: 'warn',
    ...(development && {
      mode: 'development',
      define: {'process.env.NODE_ENV': '"development"'},
      resolve: {conditions: ['module', 'browser', 'development']},
    }),
    build: {outDir, emptyOutDir: true},
  });
}

/**
 * Builds `entry` of `app` for Node (`vite build --ssr`) with everything bundled in, so that
 * the app's aliases (React 18 in react18/) hold for its dependencies too; returns the file.
 */
export async function buildServerEntry(app: BuiltFramework, entry: string, outDir: string): Promise<string> {
  const root = appRoot(app);
  await build({root, logLevel: 'warn', ssr: {noExternal: true}, build: {ssr: entry, outDir, emptyOutDir: true}});
  return `${outDir}/${entry.replace(/^.*\//, '').replace(/\.tsx?$/, '.js')}`;
}
