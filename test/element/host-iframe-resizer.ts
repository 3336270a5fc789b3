// A host page's own `window.iFrameResize` (another copy or version of iframe-resizer, as
// Metabase's docs suggest loading), defined before the element's modules run. Import it
// first in a test file.
export const hostCalls: unknown[] = [];

export function hostIFrameResize(...args: unknown[]): unknown[] {
  hostCalls.push(args);
  return [];
}

(window as {iFrameResize?: unknown}).iFrameResize = hostIFrameResize;
