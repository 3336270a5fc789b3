// Types of scripts/cdn-build.mjs, for the size figures that bundle as the CDN builds do.
export declare const cdnAliases: Record<string, string>;
