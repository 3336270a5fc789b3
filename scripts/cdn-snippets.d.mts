// Types of scripts/cdn-snippets.mjs, for the tests that check the CDN tags in docs/frameworks.md.
export declare const startMarker: string;
export declare const endMarker: string;
export declare const cdnPage: string;
export declare const bundles: {module: string; classic: string};
export declare function cdnBase(version: string): string;
export declare function sriHash(bytes: Uint8Array | string): string;
export declare function scriptTags(hashes: {base: string; moduleHash: string; classicHash: string}): string;
export declare function builtScriptTags(version: string, read?: (file: string) => Uint8Array): string;
export declare function sizesTable(read?: (file: string) => Uint8Array): string;
export declare function renderBlock(tags: string, sizes: string): string;
export declare function replaceBlock(page: string, block: string): string;
