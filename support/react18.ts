// React 18 for test/frameworks/apps/react18/ and the JSX type tests only, never a dependency of
// the package (the package's own devDependencies are React 19): the newest 18.x of each,
// installed under node_modules/.cache/ by cache-install.ts. The app's tsconfig.json `paths`
// name the same folder for @types/react.
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {installIntoCache} from './cache-install.js';

export const REACT_18 = ['react@18.3.1', 'react-dom@18.3.1', '@types/react@18.3.32', '@types/react-dom@18.3.7'];

const folder = fileURLToPath(new URL('../node_modules/.cache/metabase-embed-frameworks/react18', import.meta.url));

/** Installs React 18 (once per set of versions) and returns where: its node_modules folder. */
export const installReact18 = (): string => installIntoCache(folder, REACT_18);

/** Vite aliases: `react`, `react/*`, `react-dom` and `react-dom/*` (also inside other packages) to React 18. */
export function react18Aliases(): Record<string, string> {
  const modules = installReact18();
  return {react: join(modules, 'react'), 'react-dom': join(modules, 'react-dom')};
}
