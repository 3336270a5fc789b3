// Types of scripts/quiet-iframe-resizer.mjs, for its test.
export declare const iframeResizerParentScript: RegExp;
export declare const debugLogFunctions: string[];
export declare function withoutDebugLogging(code: string, fileName: string): Promise<{code: string; map: unknown}>;
export declare function quietIframeResizerForEsbuild(): import('esbuild').Plugin;
