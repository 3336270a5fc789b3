// Runs just before iframe-resizer's parent script (see own-iframe-resizer.ts): sets aside
// the page's own `window.iFrameResize`, if any, so the script defines ours.
const page = globalThis.window as {iFrameResize?: unknown} | undefined; // undefined in Node

/** The page's `window.iFrameResize` before ours was defined (undefined: it had none). */
export const hostGlobal = page && Object.hasOwn(page, 'iFrameResize') ? {value: page.iFrameResize} : undefined;

// Assigned, not deleted: a `var iFrameResize` on the page cannot be deleted, and the script
// treats any falsy value as "none".
if (hostGlobal) page!.iFrameResize = undefined;
