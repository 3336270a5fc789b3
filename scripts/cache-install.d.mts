// Types of scripts/cache-install.mjs.
export declare function installIntoCache(folder: string, specs: string[]): string;
