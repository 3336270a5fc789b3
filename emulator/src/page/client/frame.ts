// What a framed embed page tells its parent, the way Metabase's frontend does
// (emulator/README.md#frame): every 100 ms it compares its URL and its frame spec with the
// last ones posted and posts what changed (poll.ts). It also loads iframe-resizer 4.3.2's child and,
// until that child is ready, fills the iframe and scrolls inside it, unless the hash asks for
// `frame_sizing=content-height`: then it flows from the start.

import {pollChanges} from './poll.js';

/** The child script reads these options when it loads (Metabase's settings). */
const IFRAME_RESIZER_OPTIONS = {autoResize: true, heightCalculationMethod: 'max'};
const IFRAME_RESIZER_CHILD = '/app/embed/iframeResizer.contentWindow.js';
/**
 * On #embed-frame from the shell until iframe-resizer's child is ready: the page fills the
 * iframe. A change inside <body>, so the child's mutation observer measures again.
 */
const FILLING_CLASS = 'mb-filling';

export const isFramed = () => window.parent !== window;

export type FrameMode = 'normal' | 'fit';
export interface FrameSpec {
  mode: FrameMode;
  height: number;
}

function post(message: unknown): void {
  // "*" like Metabase: the data is only this page's size and URL, and the parent may be anywhere.
  window.parent.postMessage({metabase: message}, '*');
}

/** The string properties of `window.location`, as Metabase picks them. */
function locationStrings() {
  const {href, origin, pathname, search, hash, host, hostname, port, protocol} = window.location;
  return {href, origin, pathname, search, hash, host, hostname, port, protocol};
}

/**
 * Metabase's measure: `normal` is the body's scroll height, which is the iframe's own height
 * while the page fills it (the body is then 100% high and the frame is out of its flow), the
 * content's once it flows; `fit` is the dashboard's own height (its header, filters and cards).
 */
function frameSpec(mode: FrameMode): FrameSpec {
  if (mode === 'fit') {
    const dashboard = document.getElementById('embed-root');
    return {mode, height: dashboard?.scrollHeight || document.body.scrollHeight};
  }
  return {mode, height: document.body.scrollHeight};
}

/**
 * Loads the iframe-resizer child (the page stops filling the iframe when it is ready) and
 * starts the poll that posts `location` and `frame` messages. `contentHeight` (the hash's
 * `frame_sizing=content-height`) keeps the page from filling the iframe, so `normal` frames
 * carry the content's height before the child is ready too. Returns what to call when the
 * hash changes. Not framed: nothing (the page keeps filling the window, as Metabase's does).
 */
export function startFrameMessages(mode: () => FrameMode, contentHeight: () => boolean): () => void {
  if (!isFramed()) return () => {};
  let resizerReady = false;
  const updateFilling = () =>
    document.getElementById('embed-frame')?.classList.toggle(FILLING_CLASS, !resizerReady && !contentHeight());
  updateFilling(); // before the first poll tick: its frame message already has the content's height
  (window as unknown as {iFrameResizer: object}).iFrameResizer = {
    ...IFRAME_RESIZER_OPTIONS,
    onReady: () => {
      resizerReady = true;
      updateFilling();
    },
  };
  document.head.append(Object.assign(document.createElement('script'), {src: IFRAME_RESIZER_CHILD}));
  pollChanges([
    {read: locationStrings, key: (location) => location.href, post: (location) => post({type: 'location', location})},
    {
      read: () => frameSpec(mode()),
      key: (frame) => `${frame.mode}|${frame.height}`,
      post: (frame) => post({type: 'frame', frame}),
    },
  ]);
  return updateFilling;
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
