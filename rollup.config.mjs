// Outputs from one source tree (the emulator, emulator/, builds itself), each element build in
// production and development form (scripts/dev-mode-build.ts: only the development build
// warns about attribute values):
//  1. dist/**/*.js: unbundled ESM for bundler and Node users (dependencies stay external), in
//     production form; dist/development/**/*.js, the element's entries in development form,
//     which the package's `development` export condition selects.
//  2. dist/cdn/metabase-embed.js (ES module) and dist/cdn/metabase-embed.iife.js (classic
//     script): one minified file each that registers the element, with its dependencies'
//     notices (scripts/cdn-build.ts says how they are made small); metabase-embed.dev.js and
//     metabase-embed.dev.iife.js, the same in development form.
//  3. dist/vendor/iframe-resizer.js: iframe-resizer's parent script as the CDN bundles carry
//     it, for both forms.
//  4. Declarations come from `tsc -p tsconfig.build.json` (run by the build script): one set,
//     for both forms.
// Runs under `node --import tsx` (the build script in package.json) so that it can import the
// TypeScript build helpers in scripts/, as web-test-runner.config.mjs does.
import {readFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import minifyTemplateLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import {cdnBundle} from './scripts/cdn-build.ts';
import {productionBuild} from './scripts/dev-mode-build.ts';
import {iframeResizerImport, vendorBundle} from './scripts/vendor-build.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];
const isExternal = (id) =>
  id === iframeResizerImport ||
  id.startsWith('node:') ||
  dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

const elementEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'metabase-embed': 'src/metabase-embed.ts',
  jsx: 'src/jsx.ts',
  react: 'src/react.ts',
  vue: 'src/vue.ts',
  svelte: 'src/svelte.ts',
};

/** The npm build: production into dist/ (with the server entry), development into dist/development/. */
const npmBuild = ({development}) => ({
  input: development ? elementEntries : {...elementEntries, 'server/index': 'src/server/index.ts'},
  external: isExternal,
  plugins: [
    ...(development ? [] : [productionBuild()]),
    // The element's css`` and html`` templates without their whitespace and comments, as in
    // the CDN bundles: bundler users get them as lean (a bundler does not minify them).
    minifyTemplateLiterals({include: ['src/metabase-embed*.ts'], failOnError: true}),
    esbuild({target: 'es2022', tsconfig: 'tsconfig.json'}),
  ],
  output: {
    dir: development ? 'dist/development' : 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    // Rollup drops module-level directives; React's 'use client' must open dist/react.js so
    // that Next.js server components can render <MetabaseEmbed> (test/bundle/package.node.test.ts).
    banner: (chunk) => (chunk.fileName === 'react.js' ? "'use client';" : ''),
    sourcemap: true,
    // The element's one importer of iframe-resizer (controllers/iframe-resizer/) takes the
    // vendored copy (scripts/vendor-build.ts).
    paths: {[iframeResizerImport]: `../../${development ? '../' : ''}vendor/iframe-resizer.js`},
  },
});

export default [
  npmBuild({development: false}),
  npmBuild({development: true}),
  vendorBundle(),
  cdnBundle({format: 'es', file: 'dist/cdn/metabase-embed.js'}),
  cdnBundle({format: 'iife', file: 'dist/cdn/metabase-embed.iife.js'}),
  cdnBundle({format: 'es', file: 'dist/cdn/metabase-embed.dev.js', development: true}),
  cdnBundle({format: 'iife', file: 'dist/cdn/metabase-embed.dev.iife.js', development: true}),
];
