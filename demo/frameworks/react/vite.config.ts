// `npx vite build` in this folder; test/frameworks builds it the same way. Vite compiles
// the TSX with React's automatic JSX runtime, as tsconfig.json's `"jsx": "react-jsx"` says.
import {defineConfig} from 'vite';

export default defineConfig({});
