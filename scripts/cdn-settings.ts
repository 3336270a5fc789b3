// What the CDN bundles are built for and how they take iframe-resizer, shared by the
// rollup build (scripts/cdn-build.ts) and the esbuild builds that measure them
// (scripts/size.ts, scripts/bundle-sizes.ts), so every size figure counts what ships.
// Kept apart from cdn-build.ts, whose rollup plugins take ~0.9 s to import.
import type {BuildOptions, Plugin} from 'esbuild';
import {productionBuildForEsbuild} from './dev-mode-build.js';
import {quietIframeResizerForEsbuild} from './quiet-iframe-resizer.js';

/** The browsers the README promises (custom elements, `structuredClone`, `Object.hasOwn`). */
export const browserTargets = ['chrome98', 'edge98', 'firefox94', 'safari15.4'];

/**
 * esbuild options that build as the CDN bundles: their targets, iframe-resizer as they carry
 * it, devMode false. esbuild inlines that constant across modules but keeps the branches it
 * made dead, so its figures still count the development warnings' code (rollup's do not).
 */
export function cdnSettingsForEsbuild(): Pick<BuildOptions, 'target'> & {plugins: Plugin[]} {
  return {target: browserTargets, plugins: [productionBuildForEsbuild(), quietIframeResizerForEsbuild()]};
}
