// The iframes: every new frame plan (embed/frame-url.ts) loads in a hidden iframe that
// replaces the visible one once it has loaded and is drawn as far as the one on screen
// (embed/frame-messages.ts: swapWaitMs), so the visitor never sees a blank or half-drawn frame.
// (Metabase's `load` comes with an empty shell: the dashboard is drawn afterwards, growing
// as its cards arrive.) Each iframe gets its own
// iframe-resizer (checkOrigin: the embed's origin) and its height clamped to min/max-height.
// Messages count only from one of these iframes' windows AND the embed's origin.
import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import type {EmbedLocation} from '../embed/embed-types.js';
import {framesCarryContentHeight, parseMetabaseMessage, swapWaitMs, type SwapWatch} from '../embed/frame-messages.js';
import type {FramePlan} from '../embed/frame-url.js';
import {attachResizer, type Resizer} from './resizer.js';

interface Frame {
  plan: FramePlan;
  /** One wrapper per iframe: iframe-resizer watches the iframe's parent for its removal. */
  wrapper: HTMLDivElement;
  iframe: HTMLIFrameElement;
  resizer?: Resizer;
  /** iframe-resizer has reported a height: frame messages size it no more. */
  resized?: true;
  /** The content height last reported, before clamping. */
  contentHeight?: number;
  /** While it waits, loaded, to replace the visible frame: what it has shown so far, and the next check. */
  settling?: {watch: SwapWatch; timer: ReturnType<typeof setTimeout> | undefined};
  /** The location its page last posted (Metabase posts one only when it changes). */
  location?: EmbedLocation;
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
    // Only validated http(s) embed URLs get here (embed/token-answer.ts); the src is set before the
    // iframe enters the document so no about:blank load fires first.
    iframe.src = plan.url;
    this.#applyCssLimits(iframe);
    // Out of sight next to a visible frame, it starts 1 px high: Metabase's iframe-resizer
    // child measures at least its viewport (heightCalculationMethod "max"), so a taller start
    // would report that height before anything is drawn. Its own reports then grow it.
    if (this.#visible && this.#sizing.resize === 'auto') iframe.style.height = '1px';
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
      frame.resizer = attachResizer(frame.iframe, frame.plan.target.origin, (height) => {
        frame.resized = true;
        this.#setContentHeight(frame, height);
      });
    }
    if (this.#visible) this.#swapInOnceSettled(frame);
    else this.#swapIn(frame); // nothing to keep on screen: show it now
  }

  // Timers, not animation frames: the wait is for messages from the new frame; in a hidden
  // tab the browser slows them down, and nothing there is seen anyway.
  #swapInOnceSettled(frame: Frame): void {
    const now = Date.now();
    const watch: SwapWatch = {
      // Without a resizer no height will come: it is a wait the visitor may be part of.
      renewal: this.#pendingQuiet && frame.resizer !== undefined,
      shownHeight: undefined,
      height: frame.contentHeight === undefined ? undefined : this.#clamp(frame.contentHeight),
      loadedAt: now,
      changedAt: now,
    };
    frame.settling = {watch, timer: undefined};
    this.#checkSwap(frame);
  }

  /** Swaps `frame` in if it is ready; else checks again when its wait runs out. */
  #checkSwap(frame: Frame): void {
    const settling = frame.settling;
    if (!settling) return;
    clearTimeout(settling.timer);
    const shown = this.#visible?.contentHeight;
    settling.watch.shownHeight = shown === undefined ? undefined : this.#clamp(shown);
    const wait = swapWaitMs(settling.watch, Date.now());
    if (wait === 0) this.#swapIn(frame);
    else settling.timer = setTimeout(() => this.#checkSwap(frame), wait);
  }

  #swapIn(frame: Frame): void {
    if (frame !== this.#pending) return;
    delete frame.settling;
    const previous = this.#visible;
    this.#visible = frame;
    this.#pending = undefined;
    // Its page moved its own URL while out of sight (Metabase writes the open tab in): Metabase
    // will not post that location again, so it is reported now.
    if (frame.location && frame.location.href !== frame.plan.url) this.#callbacks.onLocation(frame.location);
    frame.wrapper.classList.remove('pending');
    // Not sized yet (its resizer may answer a moment after load): keep the old height (or
    // the stylesheet's), no jump. Only while heights follow the content: with resize="none"
    // the CSS height rules.
    if (frame.contentHeight === undefined && this.#sizing.resize === 'auto')
      frame.iframe.style.height = previous?.iframe.style.height ?? '';
    if (previous) this.#discard(previous);
    this.#host.requestUpdate();
    this.#callbacks.onLoad(frame.plan.url);
    if (frame.contentHeight !== undefined) this.#report(this.#clamp(frame.contentHeight));
  }

  #discard(frame: Frame): void {
    if (frame.settling) clearTimeout(frame.settling.timer);
    frame.resizer?.close();
    frame.wrapper.remove();
  }

  #clamp(height: number): number {
    return Math.max(this.#sizing.min ?? 0, Math.min(this.#sizing.max ?? Infinity, height));
  }

  #setContentHeight(frame: Frame, height: number): void {
    if (this.#sizing.resize !== 'auto') return;
    const changed = height !== frame.contentHeight;
    frame.contentHeight = height;
    const clamped = this.#clamp(height);
    frame.iframe.style.height = pixels(clamped);
    if (frame === this.#visible) this.#report(clamped);
    if (frame.settling && changed) {
      frame.settling.watch.height = clamped;
      frame.settling.watch.changedAt = Date.now(); // still being drawn
      this.#checkSwap(frame);
    }
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
    // Until iframe-resizer's child is ready Metabase's page fills the iframe and scrolls inside
    // it, so a `frame` message's height is the iframe's own (EmbedFrame.tsx) and sizes nothing;
    // with `frame_sizing=content-height` the page flows and it is the content's, until
    // iframe-resizer (the one source once it reports) takes over.
    if (message?.type === 'frame') {
      if (!message.fit && !frame.resized && frame.resizer && framesCarryContentHeight(frame.plan.url))
        this.#setContentHeight(frame, message.height);
      return;
    }
    if (message?.type !== 'location') return;
    frame.location = message.location;
    if (frame === this.#visible) this.#callbacks.onLocation(message.location);
  };
}

/** A CSS length in pixels; none (the stylesheet's) for undefined. */
function pixels(value: number | undefined): string {
  return value === undefined ? '' : `${value}px`;
}
