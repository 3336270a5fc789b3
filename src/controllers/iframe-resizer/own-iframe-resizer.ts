// iframe-resizer 4.3.2's parent script, for this element alone. The script keeps any
// `window.iFrameResize` already on the page (`window.iFrameResize || factory()`), so a host
// page that loaded another copy or version (Metabase's /app/iframeResizer.js, say) would
// silently stand in for the pinned one whose origin checks we rely on. set-aside-global.ts
// runs first (an import whose binding is used, so no bundler drops or reorders it) and
// empties the global; the script then defines ours; this module keeps it and gives the page
// back whatever it had, or nothing. message-guard.ts also runs before the script, so its
// message listener comes before the script's.
import {hostGlobal} from './set-aside-global.js';
import {trustFrame} from './message-guard.js';
import 'iframe-resizer/js/iframeResizer.js';

export {trustFrame};

const page = globalThis.window as {iFrameResize?: unknown} | undefined; // undefined in Node

/** iframe-resizer 4.3.2's `iFrameResize`, as our import defined it; undefined in Node. */
export const ownIFrameResize: unknown = page?.iFrameResize;

if (page) {
  if (hostGlobal) page.iFrameResize = hostGlobal.value;
  else delete page.iFrameResize;
}
