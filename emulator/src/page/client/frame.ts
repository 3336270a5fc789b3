// What a framed embed page tells its parent (emulator/README.md#frame): its location when it changes,
// its height when that changes, and iframe-resizer 4.3.2's child script, like Metabase.

/** The child script reads these options when it loads (Metabase's settings). */
const IFRAME_RESIZER_OPTIONS = {autoResize: true, heightCalculationMethod: 'max'};
const IFRAME_RESIZER_CHILD = '/app/embed/iframeResizer.contentWindow.js';

export const isFramed = () => window.parent !== window;

function post(message: unknown): void {
  // "*" like Metabase: the data is only this page's size and URL, and the parent may be anywhere.
  window.parent.postMessage({metabase: message}, '*');
}

export function postLocation(): void {
  if (!isFramed()) return;
  const {href, origin, pathname, search, hash, host, hostname, port, protocol} = window.location;
  post({type: 'location', location: {href, origin, pathname, search, hash, host, hostname, port, protocol}});
}

/**
 * Loads the iframe-resizer child and posts `frame` messages whenever the content height or
 * the mode changes (`fit` for a fullscreen dashboard, `normal` otherwise, as Metabase's
 * frontend posts them).
 */
export function startFrameMessages(mode: () => 'normal' | 'fit'): void {
  if (!isFramed()) return;
  (window as unknown as {iFrameResizer: object}).iFrameResizer = IFRAME_RESIZER_OPTIONS;
  document.head.append(Object.assign(document.createElement('script'), {src: IFRAME_RESIZER_CHILD}));
  let last = '';
  const postFrame = () => {
    // Fit: the page fills the frame, so its height is the viewport's (what overflows is clipped).
    const current = mode();
    const height = current === 'fit' ? document.documentElement.clientHeight : document.body.scrollHeight;
    const frame = {mode: current, height};
    if (`${frame.mode}|${frame.height}` === last) return;
    last = `${frame.mode}|${frame.height}`;
    post({type: 'frame', frame});
  };
  new ResizeObserver(postFrame).observe(document.body);
  window.addEventListener('hashchange', postFrame);
  postFrame();
}

/**
 * Lets the parent move this page to another query string or hash with
 * `{metabase: {type: "location", location}}`; other paths and other senders are ignored.
 */
export function acceptParentNavigation(onNavigate: () => void): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isFramed()) return;
    const message = (event.data as {metabase?: {type?: unknown; location?: unknown}} | null)?.metabase;
    if (message?.type !== 'location') return;
    const target = navigationTarget(message.location);
    if (!target || target.origin !== window.location.origin || target.pathname !== window.location.pathname) return;
    history.replaceState(null, '', `${target.pathname}${target.search}${target.hash}`);
    onNavigate();
  });
}

function navigationTarget(location: unknown): URL | null {
  try {
    if (typeof location === 'string') return new URL(location, window.location.href);
    if (typeof location === 'object' && location !== null) {
      const {search, hash} = location as {search?: unknown; hash?: unknown};
      const url = new URL(window.location.href);
      if (typeof search === 'string') url.search = search;
      if (typeof hash === 'string') url.hash = hash;
      return url;
    }
  } catch {
    // not a URL: ignore
  }
  return null;
}
