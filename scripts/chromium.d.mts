// Types of scripts/chromium.mjs, for TypeScript tests that launch Chromium themselves.
export declare const chromiumFlags: string[];
export declare function chromiumPath(): string | undefined;
export declare function requireChromiumPath(): string;
