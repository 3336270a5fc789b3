// Types of scripts/cdn-settings.mjs, for the size figures that build as the CDN bundles do.
export declare const browserTargets: string[];
export declare const cdnAliases: Record<string, string>;
export declare function cdnSettingsForEsbuild(): Pick<import('esbuild').BuildOptions, 'target' | 'alias'> & {
  plugins: import('esbuild').Plugin[];
};
