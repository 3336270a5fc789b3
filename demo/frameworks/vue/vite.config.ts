// `npx vite build` in this folder; test/frameworks builds it the same way.
import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <metabase-embed> is a custom element, not a Vue component.
      template: {compilerOptions: {isCustomElement: (tag) => tag === 'metabase-embed'}},
    }),
  ],
});
