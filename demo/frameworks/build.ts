// Builds a framework app (react/ or vue/) with Vite and its own vite.config.ts, as
// `npx vite build` in its folder would, into `outDir`.
import {fileURLToPath} from 'node:url';
import {build} from 'vite';

export type BuiltFramework = 'react' | 'vue';

export const appRoot = (app: BuiltFramework) => fileURLToPath(new URL(`./${app}/`, import.meta.url));

export async function buildFrameworkApp(app: BuiltFramework, outDir: string): Promise<void> {
  const root = appRoot(app);
  await build({root, logLevel: 'warn', build: {outDir, emptyOutDir: true}});
}
