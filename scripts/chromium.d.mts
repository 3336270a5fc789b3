// Types of chromium.mjs, for the TypeScript tests that launch Chromium themselves.
export declare const chromiumFlags: string[];
export declare function chromiumPath(): string | undefined;
export declare function requireChromiumPath(): string;
