// Types of chromium.mjs, for the TypeScript benchmarks that launch Chromium.
export declare const chromiumFlags: string[];
export declare function chromiumPath(): string | undefined;
export declare function requireChromiumPath(): string;
