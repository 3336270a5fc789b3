// A window `message` listener registered just before iframe-resizer 4.3.2's parent script
// adds its own (own-iframe-resizer.ts imports this module first; listeners run in the order
// they were added), so it sees every message first and can stop the ones the script would
// mishandle. The script trusts a message that names one of its iframe ids if it comes from
// the iframe's origin, or from any opaque origin ("null": a sandboxed frame), whatever the
// window; from another origin it throws an uncaught error into the host page; and a name it
// looks up with `in` also finds Object.prototype's members (`[iFrameSizer]constructor:…`
// throws a TypeError), as does a non-string message. The ids leak to any page the embed
// navigates to, so none of that may depend on them staying secret.
const messagePrefix = '[iFrameSizer]';

interface TrustedFrame {
  iframe: HTMLIFrameElement;
  origin: string;
  /** Told the height of each `reset` the frame sends (iframe-resizer tells no callback). */
  onReset(height: number): void;
}

/** Our iframes by id: iframe-resizer's messages naming one count only from its window and origin. */
const trusted = new Map<string, TrustedFrame>();

/** Names that iframe-resizer's `id in settings` finds on every object. */
const inherited = (id: string) => id in Object.prototype;

function guard(event: MessageEvent<unknown>): void {
  const {data} = event;
  // iframe-resizer reads `'' + data`: an array of one such string passes its prefix test too.
  const text = typeof data === 'string' ? data : String(data);
  if (!text.startsWith(messagePrefix)) return;
  const id = text.slice(messagePrefix.length).split(':')[0]!;
  const frame = trusted.get(id);
  const genuine = frame
    ? typeof data === 'string' && event.source === frame.iframe.contentWindow && event.origin === frame.origin
    : typeof data === 'string' && !inherited(id); // not ours: another copy's business
  if (!genuine) event.stopImmediatePropagation();
  else if (frame) {
    const [, height, , type] = text.slice(messagePrefix.length).split(':');
    if (type === 'reset') frame.onReset(Number(height));
  }
}

globalThis.window?.addEventListener('message', guard); // undefined in Node

/**
 * iframe-resizer's messages naming `iframe.id` reach its script only from the iframe's own
 * window on `origin`, and `onReset` hears of its resets; the returned function forgets the
 * iframe (when its resizer is closed).
 */
export function trustFrame(iframe: HTMLIFrameElement, origin: string, onReset: (height: number) => void): () => void {
  const frame = {iframe, origin, onReset};
  trusted.set(iframe.id, frame);
  return () => {
    if (trusted.get(iframe.id) === frame) trusted.delete(iframe.id);
  };
}
