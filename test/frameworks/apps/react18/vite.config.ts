// `npx vite build` in this folder; test/frameworks builds it the same way. React 18 comes
// from support/react18.ts's cache folder (installed on first use), for this app's code and for
// metabase-embed/react alike.
import {defineConfig} from 'vite';
import {react18Aliases} from '../../../../support/react18.js';

export default defineConfig({resolve: {alias: react18Aliases()}});
