// Three outputs from one source tree (the emulator, emulator/, builds itself):
//  1. dist/**/*.js: unbundled ESM for bundler and Node users (dependencies stay external).
//  2. dist/cdn/metabase-embed.js (ES module) and dist/cdn/metabase-embed.iife.js (classic
//     script): one minified file each that registers the element, with its dependencies'
//     notices (scripts/cdn-build.mjs says how they are made small).
//  3. Declarations come from `tsc -p tsconfig.build.json` (run by the build script).
import {readFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplateLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import {cdnBundle} from './scripts/cdn-build.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];
const isExternal = (id) => id.startsWith('node:') || dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default [
  {
    input: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      'metabase-embed': 'src/metabase-embed.ts',
      jsx: 'src/jsx.ts',
      react: 'src/react.ts',
      vue: 'src/vue.ts',
      svelte: 'src/svelte.ts',
      'server/index': 'src/server/index.ts',
    },
    external: isExternal,
    plugins: [
      // The element's css`` and html`` templates without their whitespace and comments, as in
      // the CDN bundles: bundler users get them as lean (a bundler does not minify them).
      minifyTemplateLiterals({include: ['src/metabase-embed*.ts'], failOnError: true}),
      esbuild({target: 'es2022', tsconfig: 'tsconfig.json'}),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
  },
  cdnBundle({format: 'es', file: 'dist/cdn/metabase-embed.js'}),
  cdnBundle({format: 'iife', file: 'dist/cdn/metabase-embed.iife.js'}),
];
