// `npx vite build` in this folder; test/frameworks builds it the same way.
import {defineConfig} from 'vite';

export default defineConfig({
  // React 19's automatic JSX runtime (no `import React` in every file).
  oxc: {jsx: {runtime: 'automatic'}},
});
