// What the CDN bundles are built for and how they take lit and iframe-resizer, shared by the
// rollup build (scripts/cdn-build.mjs) and the esbuild builds that measure them
// (scripts/size.mjs, scripts/bundle-sizes.ts), so every size figure counts what ships.
// Kept apart from cdn-build.mjs, whose rollup plugins take ~0.9 s to import.
import {quietIframeResizerForEsbuild} from './quiet-iframe-resizer.mjs';

/** The browsers the README promises (custom elements, `structuredClone`, `Object.hasOwn`). */
export const browserTargets = ['chrome98', 'edge98', 'firefox94', 'safari15.4'];

/**
 * What the bundles load for a bare `lit`: Lit's own `@lit/reactive-element`, which `lit`
 * re-exports and which is all the element imports of it (ReactiveElement, css, types).
 * Through `lit` itself, LitElement and lit-html (~3 kB gzip) would come along unused:
 * lit-element's module runs code at load that uses LitElement (its version record and
 * polyfill hooks), so bundlers keep it, and lit-html with it.
 */
export const cdnAliases = {lit: '@lit/reactive-element'};

/** esbuild options that build as the CDN bundles: their targets, lit and iframe-resizer as they carry them. */
export function cdnSettingsForEsbuild() {
  return {target: browserTargets, alias: cdnAliases, plugins: [quietIframeResizerForEsbuild()]};
}
