// Types of scripts/size.mjs, for the test of its per-module figures.
export declare function packageOf(path: string): string;
export declare function moduleCosts(
  entry?: string,
): Promise<{modules: Array<{path: string; package: string; bytes: number}>; total: number}>;
export declare function bundleGzipBytes(entry: string): Promise<number>;
export declare function gzipSavedWithout(entry: string, path: string, wholeGzipBytes: number): Promise<number>;
