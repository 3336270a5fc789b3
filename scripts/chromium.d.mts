// Types of scripts/chromium.mjs, for TypeScript tests that launch Chromium themselves.
import type {Browser} from 'puppeteer-core';

export declare const chromiumFlags: string[];
export declare function chromiumPath(): string | undefined;
export declare function requireChromiumPath(): string;
export interface LaunchedChromium {
  browser: Browser;
  close: () => Promise<void>;
}
export declare function launchChromium(label?: string): Promise<LaunchedChromium>;
