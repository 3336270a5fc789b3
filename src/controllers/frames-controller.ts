// The iframes: every new frame plan (embed/frame-plan.ts) loads in a hidden iframe that
// replaces the visible one once it has loaded and its content has settled, so the visitor
// never sees a blank or half-drawn frame. (Metabase's `load` comes with an empty shell: the
// dashboard is drawn afterwards, growing as its cards arrive.) Each iframe gets its own
// iframe-resizer (checkOrigin: the embed's origin) and its height clamped to min/max-height.
// Messages count only from one of these iframes' windows AND the embed's origin.
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import type {FramePlan} from '../embed/frame-plan.js';
import {parseMetabaseMessage} from '../embed/messages.js';
import type {EmbedLocation} from '../embed/types.js';
import {attachResizer, type Resizer} from './resizer.js';

interface Frame {
  plan: FramePlan;
  /** One wrapper per iframe: iframe-resizer watches the iframe's parent for its removal. */
  wrapper: HTMLDivElement;
  iframe: HTMLIFrameElement;
  resizer?: Resizer;
  /** The content height last reported, before clamping. */
  contentHeight?: number;
  /** While it waits to replace the visible frame: animation frames since load / since its content last changed. */
  settling?: {sinceLoad: number; quiet: number; request: number};
}

/** How heights are set: `auto` follows the content within min/max; `none` leaves the CSS height. */
interface FrameSizing {
  resize: 'auto' | 'none';
  min?: number | undefined;
  max?: number | undefined;
}

interface FramesCallbacks {
  onLoad(url: string): void;
  onResize(height: number): void;
  onLocation(location: EmbedLocation): void;
}

/** A loaded frame replaces the visible one after this many animation frames (~⅓ s) without a size change... */
const settledAfterFrames = 20;
/** ...or after this many (~3 s) since its load, whatever its content does. */
const swapAtMostAfterFrames = 180;

export class FramesController implements ReactiveController {
  /** Where the iframes go: set by the host once rendered. */
  container: HTMLElement | null = null;
  #visible: Frame | undefined;
  #pending: Frame | undefined;
  #pendingQuiet = false;
  #reportedHeight: number | undefined;
  #title = '';
  #sizing: FrameSizing = {resize: 'auto'};

  readonly #host: ReactiveControllerHost;
  readonly #callbacks: FramesCallbacks;

  constructor(host: ReactiveControllerHost, callbacks: FramesCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** A frame is on screen (loaded). */
  get showing(): boolean {
    return this.#visible !== undefined;
  }

  /** A URL is loading that the visitor is waiting for (not a quiet token renewal). */
  get loading(): boolean {
    return this.#pending !== undefined && !this.#pendingQuiet;
  }

  hostConnected(): void {
    window.addEventListener('message', this.#onMessage);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.#onMessage);
    this.clear();
  }

  /**
   * Shows `plan`: nothing to do when the latest frame has its token and key, except that a
   * frame still loading out of sight is built again with the visitor's latest choices (or
   * the swap would undo them). A renewal with the key on screen loads quietly.
   */
  show(plan: FramePlan): void {
    const latest = this.#pending ?? this.#visible;
    const same = latest?.plan.target === plan.target && latest.plan.key === plan.key;
    if (same && (latest === this.#visible || latest.plan.url === plan.url)) return;
    this.#load(plan);
  }

  /** Removes every iframe and its resizer. */
  clear(): void {
    if (this.#pending) this.#discard(this.#pending);
    if (this.#visible) this.#discard(this.#visible);
    this.#pending = this.#visible = this.#reportedHeight = undefined;
    this.#host.requestUpdate();
  }

  /** New resize mode or limits: clamp again; another resize mode needs a frame with (or without) its resizer. */
  setSizing(sizing: FrameSizing): void {
    const resizeChanged = sizing.resize !== this.#sizing.resize;
    this.#sizing = sizing;
    for (const frame of [this.#visible, this.#pending]) {
      if (!frame) continue;
      this.#applyCssLimits(frame.iframe);
      if (frame.contentHeight !== undefined) this.#setContentHeight(frame, frame.contentHeight);
    }
    const latest = this.#pending ?? this.#visible;
    if (resizeChanged && latest) this.#load(latest.plan);
  }

  setTitle(title: string): void {
    this.#title = title;
    for (const frame of [this.#visible, this.#pending]) frame?.iframe.setAttribute('title', title);
  }

  #load(plan: FramePlan): void {
    if (!this.container) return;
    if (this.#pending) this.#discard(this.#pending);
    const wrapper = document.createElement('div');
    wrapper.className = 'frame pending';
    const iframe = document.createElement('iframe');
    iframe.setAttribute('part', 'iframe');
    iframe.setAttribute('title', this.#title);
    // Only validated http(s) embed URLs get here (embed/answer.ts); the src is set before the
    // iframe enters the document so no about:blank load fires first.
    iframe.src = plan.url;
    this.#applyCssLimits(iframe);
    wrapper.append(iframe);
    const frame: Frame = {plan, wrapper, iframe};
    this.#pending = frame;
    this.#pendingQuiet = plan.renewal && this.#visible?.plan.key === plan.key;
    iframe.addEventListener('load', () => this.#onLoaded(frame), {once: true});
    this.container.append(wrapper);
    this.#host.requestUpdate();
  }

  /** The limits as CSS too, so they hold before (or without) any height report. */
  #applyCssLimits(iframe: HTMLIFrameElement): void {
    const {min, max} = this.#sizing.resize === 'auto' ? this.#sizing : {};
    iframe.style.minHeight = pixels(min);
    iframe.style.maxHeight = pixels(max);
  }

  #onLoaded(frame: Frame): void {
    if (frame !== this.#pending) return;
    // Started at load, not before: until then the iframe holds its initial about:blank
    // document, and iframe-resizer's first message (target origin pinned) would only make
    // the browser log a mismatch. Later navigations are iframe-resizer's own business.
    if (this.#sizing.resize === 'auto') {
      frame.resizer = attachResizer(frame.iframe, frame.plan.target.origin, (height) =>
        this.#setContentHeight(frame, height),
      );
    }
    if (this.#visible) this.#swapInOnceSettled(frame);
    else this.#swapIn(frame); // nothing to keep on screen: show it now
  }

  // Animation frames, not timers: the wait is about what gets painted, and it costs nothing
  // in a hidden tab (the swap happens when the page is seen again).
  #swapInOnceSettled(frame: Frame): void {
    const settling = {sinceLoad: 0, quiet: 0, request: 0};
    const tick = () => {
      settling.sinceLoad++;
      settling.quiet++;
      if (settling.quiet >= settledAfterFrames || settling.sinceLoad >= swapAtMostAfterFrames) this.#swapIn(frame);
      else settling.request = requestAnimationFrame(tick);
    };
    settling.request = requestAnimationFrame(tick);
    frame.settling = settling;
  }

  #swapIn(frame: Frame): void {
    if (frame !== this.#pending) return;
    delete frame.settling;
    const previous = this.#visible;
    this.#visible = frame;
    this.#pending = undefined;
    frame.wrapper.classList.remove('pending');
    // Not sized yet (its resizer may answer a moment after load): keep the old height, no
    // jump. Only while heights follow the content: with resize="none" the CSS height rules.
    const oldHeight = previous?.iframe.style.height;
    if (frame.contentHeight === undefined && oldHeight && this.#sizing.resize === 'auto')
      frame.iframe.style.height = oldHeight;
    if (previous) this.#discard(previous);
    this.#host.requestUpdate();
    this.#callbacks.onLoad(frame.plan.url);
    if (frame.contentHeight !== undefined) this.#report(this.#clamp(frame.contentHeight));
  }

  #discard(frame: Frame): void {
    if (frame.settling) cancelAnimationFrame(frame.settling.request);
    frame.resizer?.close();
    frame.wrapper.remove();
  }

  #clamp(height: number): number {
    return Math.max(this.#sizing.min ?? 0, Math.min(this.#sizing.max ?? Infinity, height));
  }

  #setContentHeight(frame: Frame, height: number): void {
    if (frame.settling && height !== frame.contentHeight) frame.settling.quiet = 0; // still being drawn
    if (this.#sizing.resize !== 'auto') return;
    frame.contentHeight = height;
    const clamped = this.#clamp(height);
    frame.iframe.style.height = pixels(clamped);
    if (frame === this.#visible) this.#report(clamped);
  }

  #report(height: number): void {
    if (height === this.#reportedHeight) return;
    this.#reportedHeight = height;
    this.#callbacks.onResize(height);
  }

  readonly #onMessage = (event: MessageEvent): void => {
    const frame = [this.#visible, this.#pending].find(
      (candidate) => candidate && event.source === candidate.iframe.contentWindow,
    );
    if (!frame || event.origin !== frame.plan.target.origin) return;
    const message = parseMetabaseMessage(event.data);
    if (message?.type === 'location' && frame === this.#visible) this.#callbacks.onLocation(message.location);
    // Metabase's `frame` messages size nothing: until iframe-resizer's child is ready the page
    // fills the iframe and scrolls inside it, so their height is the iframe's own (EmbedFrame.tsx).
  };
}

/** A CSS length in pixels; none (the stylesheet's) for undefined. */
function pixels(value: number | undefined): string {
  return value === undefined ? '' : `${value}px`;
}
