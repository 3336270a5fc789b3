// The rollup configuration of the two CDN bundles (dist/cdn/metabase-embed.js, an ES module,
// and dist/cdn/metabase-embed.iife.js, a classic script): src/cdn.ts with lit and iframe-resizer
// in one minified file each, with a source map and a /*! banner naming
// every bundled package, its version, licence and copyright line. The full licence texts go
// to dist/cdn/THIRD-PARTY-LICENSES.txt beside them. Each is built in production form and, as
// metabase-embed.dev.js / .dev.iife.js, in development form (scripts/dev-mode-build.ts).
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser, {type Options as TerserOptions} from '@rollup/plugin-terser';
import minifyTemplateLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import license, {type Dependency} from 'rollup-plugin-license';
import esbuild from 'rollup-plugin-esbuild';
import type {RollupOptions} from 'rollup';
import {browserTargets} from './cdn-settings.js';
import {productionBuild} from './dev-mode-build.js';
import {quietIframeResizer} from './quiet-iframe-resizer.js';

export const licensesFile = 'THIRD-PARTY-LICENSES.txt';

/** The first "Copyright …" line of a licence text, without its trailing "All rights reserved.". */
export function copyrightLine(licenseText: string | null | undefined): string {
  const line = licenseText?.split('\n').find((text) => /^\s*copyright\b/i.test(text));
  return line ? line.trim().replace(/\.?\s*All rights reserved\.?$/i, '') : 'no copyright line in its licence file';
}

/** The fields of rollup-plugin-license's record of a bundled package that the notice reads. */
type BundledPackage = Pick<Dependency, 'name' | 'version' | 'license' | 'licenseText'>;

/**
 * The bundled packages, one line per licence and copyright holder (packages that share both
 * share a line): `@lit/reactive-element 2.1.2 | BSD-3-Clause | Copyright (c) 2017 Google LLC`.
 */
export function noticeLines(dependencies: Iterable<BundledPackage>): string[] {
  const groups = new Map<string, string[]>();
  for (const dependency of [...dependencies].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))) {
    const key = `${String(dependency.license)} | ${copyrightLine(dependency.licenseText)}`;
    groups.set(key, [...(groups.get(key) ?? []), `${String(dependency.name)} ${String(dependency.version)}`]);
  }
  return [...groups].map(([key, names]) => `${names.join(', ')} | ${key}`);
}

// A lodash template (rollup-plugin-license fills `pkg` and `dependencies`). Written as /*!
// so terser keeps it.
const banner = `<%= pkg.name %> <%= pkg.version %> | <%= pkg.license %>. Bundled (licence texts in ${licensesFile}):
<%= data.noticeLines(dependencies).join('\\n') %>`;

// Measured with scripts/size.ts's figures in mind: three passes and shorthand methods pay
// (~140 B gzip together); `unsafe_arrows`, `pure_getters`, `keep_fargs: false` and
// `unsafe_comps` would each save under 25 B for a risk to iframe-resizer's or lit's code, so
// they stay off (all four together: 56 B). No gain at all: `ecma: 2022`, `wrap_func_args:
// false`, rollup's `esModule: false` and `freeze: false`; `generatedCode: 'es2015'` costs
// 26 B. `toplevel` only for the ES module: the classic script's one top-level
// name is `window.MetabaseEmbed`, which must stay.
const terserOptions = (format: 'es' | 'iife'): TerserOptions => ({
  ecma: 2020,
  module: format === 'es',
  compress: {passes: 3, unsafe_methods: true},
  format: {comments: /^!/},
});

/** One CDN bundle: `format` 'es' or 'iife', written to `file`, in production form unless `development`. */
export function cdnBundle({
  format,
  file,
  development = false,
}: {
  format: 'es' | 'iife';
  file: string;
  development?: boolean;
}): RollupOptions {
  return {
    input: 'src/cdn.ts',
    plugins: [
      ...(development ? [] : [productionBuild()]),
      nodeResolve({browser: true}),
      // lit's css`` templates in our sources: whitespace and comments out.
      minifyTemplateLiterals({include: ['src/**/*.ts'], failOnError: true}),
      // iframe-resizer's debug-logging calls, which never print here: ~630 B gzip.
      quietIframeResizer(),
      esbuild({target: browserTargets, tsconfig: 'tsconfig.json'}),
      license({
        sourcemap: true,
        banner: {commentStyle: 'ignored', content: banner, data: {noticeLines}},
        thirdParty: {output: {file: `dist/cdn/${licensesFile}`}},
      }),
    ],
    output: {
      file,
      format,
      ...(format === 'iife' ? {name: 'MetabaseEmbed'} : {}),
      sourcemap: true,
      plugins: [terser(terserOptions(format))],
    },
  };
}
