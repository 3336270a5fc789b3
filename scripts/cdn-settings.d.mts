// Types of scripts/cdn-settings.mjs, for the size figures that build as the CDN bundles do.
export declare const browserTargets: string[];
export declare function cdnSettingsForEsbuild(): Pick<import('esbuild').BuildOptions, 'target'> & {
  plugins: import('esbuild').Plugin[];
};
