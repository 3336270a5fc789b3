// iframe-resizer 4.3.2's parent script on one iframe, through our own copy of its
// `iFrameResize` (see iframe-resizer/own-iframe-resizer.ts); undefined in Node, where the
// script returns at once (server-side rendering).
import {ownIFrameResize, trustFrame} from './iframe-resizer/own-iframe-resizer.js';
import {checkShrinks} from './iframe-resizer/shrink-check.js';

interface IFrameResizerOptions {
  checkOrigin: true;
  warningTimeout: number;
  scrolling: 'omit';
  onInit(iframe: HTMLIFrameElement): void;
  onResized(data: {height: number | string; type: string}): void;
}

type IFrameResize = (options: IFrameResizerOptions, target: HTMLIFrameElement) => HTMLIFrameElement[];
const iFrameResize = ownIFrameResize as IFrameResize | undefined;

/** The object iframe-resizer puts on each iframe it manages. */
interface IFrameResizerHandle {
  removeListeners(): void;
}

export interface Resizer {
  /** True once the embed page's iframe-resizer answered (its heights are then the truth). */
  readonly connected: boolean;
  close(): void;
}

/**
 * Starts iframe-resizer on `iframe` (already in the document, its validated http(s) src
 * set on `origin`), trusting messages from its window on that origin only. `onHeight` gets
 * each content height.
 */
export function attachResizer(iframe: HTMLIFrameElement, origin: string, onHeight: (height: number) => void): Resizer {
  // iframe-resizer checks a message's origin, not its window, and finds the iframe by the id
  // the message names. Its default ids (iFrameResizer0, 1, …) are guessable, so any page on
  // the embed's origin could resize this iframe; a random id is known only to the window
  // that received iframe-resizer's init message: this iframe's.
  iframe.id = unguessableId();
  // The id still leaks to any page the iframe navigates to: message-guard.ts passes on
  // messages naming it only from this iframe's window and the embed's origin.
  const shrinks = checkShrinks(iframe);
  const forget = trustFrame(iframe, origin, (height) => shrinks.resetTo(height));
  let connected = false;
  let closed = false;
  iFrameResize?.(
    {
      // true: the origin of the iframe's src, both for the messages it accepts and as the
      // target origin of those it posts (a list of origins would post its init, which
      // carries the id, to any page the iframe has navigated to).
      checkOrigin: true,
      // No "has not responded" console warning: without the child the iframe keeps its CSS height.
      warningTimeout: 0,
      // Leave overflow to the browser: a scrollbar appears only when max-height cuts the content.
      scrolling: 'omit',
      onInit: () => {
        connected = true;
      },
      onResized: ({height, type}) => {
        connected = true;
        if (!closed) onHeight(shrinks.report(Number(height), type));
      },
    },
    iframe,
  );
  return {
    get connected() {
      return connected;
    },
    close() {
      if (closed) return;
      closed = true;
      forget();
      shrinks.close();
      // removeListeners, not close(): close() would also remove the iframe from the page.
      (iframe as HTMLIFrameElement & {iFrameResizer?: IFrameResizerHandle}).iFrameResizer?.removeListeners();
    },
  };
}

function unguessableId(): string {
  // getRandomValues, not randomUUID: the latter is missing on plain-http (non-secure) pages.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `metabase-embed-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
