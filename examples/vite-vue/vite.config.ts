import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

// The token endpoint (server.mjs, `npm run endpoint`) runs beside the app: `vite` and
// `vite preview` forward /api to it, so the page asks its own origin for tokens.
const endpointOrigin = process.env.ENDPOINT_ORIGIN ?? 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [
    vue({
      // <metabase-embed> is a custom element: Vue leaves it to the browser.
      template: {compilerOptions: {isCustomElement: (tag) => tag === 'metabase-embed'}},
    }),
  ],
  server: {proxy: {'/api': endpointOrigin}},
});
