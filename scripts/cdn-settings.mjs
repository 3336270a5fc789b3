// What the CDN bundles are built for and how they take iframe-resizer, shared by the
// rollup build (scripts/cdn-build.mjs) and the esbuild builds that measure them
// (scripts/size.mjs, scripts/bundle-sizes.ts), so every size figure counts what ships.
// Kept apart from cdn-build.mjs, whose rollup plugins take ~0.9 s to import.
import {quietIframeResizerForEsbuild} from './quiet-iframe-resizer.mjs';

/** The browsers the README promises (custom elements, `structuredClone`, `Object.hasOwn`). */
export const browserTargets = ['chrome98', 'edge98', 'firefox94', 'safari15.4'];

/** esbuild options that build as the CDN bundles: their targets, iframe-resizer as they carry it. */
export function cdnSettingsForEsbuild() {
  return {target: browserTargets, plugins: [quietIframeResizerForEsbuild()]};
}
