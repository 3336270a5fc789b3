// The iframes: every new embed URL loads in a hidden iframe that replaces the visible one
// once it has loaded and its content has settled, so the visitor never sees a blank or
// half-drawn frame. (Metabase's `load` comes with an empty shell: the dashboard is drawn
// afterwards, growing as its cards arrive.) Each iframe gets its own
// iframe-resizer (checkOrigin: the embed's origin) and its height clamped to min/max-height.
// Messages count only from one of these iframes' windows AND the embed's origin.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {parseMetabaseMessage} from '../embed/messages.js';
import type {EmbedLocation} from '../embed/types.js';
import {attachResizer, type Resizer} from './resizer.js';

interface Frame {
  /** One wrapper per iframe: iframe-resizer watches the iframe's parent for its removal. */
  wrapper: HTMLDivElement;
  iframe: HTMLIFrameElement;
  url: string;
  origin: string;
  resizer?: Resizer;
  /** The content height last reported, before clamping. */
  contentHeight?: number;
  /** While it waits to replace the visible frame: animation frames since load / since its content last changed. */
  settling?: {sinceLoad: number; quiet: number; request: number};
}

/** A loaded frame replaces the visible one after this many animation frames (~⅓ s) without a size change... */
const settledAfterFrames = 20;
/** ...or after this many (~3 s) since its load, whatever its content does. */
const swapAtMostAfterFrames = 180;

export interface FramesOptions {
  /** Where the iframes go (rendered by the host). */
  container(): HTMLElement | null;
  title(): string;
  /** `auto`: follow the content; `none`: keep the CSS height. */
  resizeMode(): 'auto' | 'none';
  limits(): {min?: number; max?: number};
  onLoad(url: string): void;
  onResize(height: number): void;
  onLocation(location: EmbedLocation): void;
}

export class FramesController implements ReactiveController {
  private visible?: Frame;
  private pending?: Frame;
  private pendingQuiet = false;
  private reportedHeight?: number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FramesOptions,
  ) {
    host.addController(this);
  }

  /** A frame is on screen (loaded). */
  get showing(): boolean {
    return this.visible !== undefined;
  }

  /** A URL is loading that the visitor is waiting for (not a quiet token renewal). */
  get loading(): boolean {
    return this.pending !== undefined && !this.pendingQuiet;
  }

  /** The URL loading out of sight, if any. */
  get pendingUrl(): string | undefined {
    return this.pending?.url;
  }

  hostConnected(): void {
    window.addEventListener('message', this.onMessage);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.onMessage);
    this.clear();
  }

  /**
   * Loads `url` in a hidden iframe and swaps it in on load. `quiet`: a renewal, not a change.
   * False when there is nowhere to put it yet (not rendered).
   */
  show(url: string, origin: string, quiet: boolean): boolean {
    const container = this.options.container();
    if (!container) return false;
    if (this.pending) this.discard(this.pending);
    const frame = this.createFrame(url, origin);
    this.pending = frame;
    this.pendingQuiet = quiet && this.visible !== undefined;
    frame.iframe.addEventListener('load', () => this.onLoaded(frame), {once: true});
    container.append(frame.wrapper);
    this.host.requestUpdate();
    return true;
  }

  /** Loads `url` instead of the URL loading out of sight, as quietly as that one was. */
  replacePending(url: string, origin: string): void {
    this.show(url, origin, this.pendingQuiet);
  }

  /** Removes every iframe and its resizer. */
  clear(): void {
    if (this.pending) this.discard(this.pending);
    if (this.visible) this.discard(this.visible);
    this.pending = this.visible = undefined;
    this.reportedHeight = undefined;
    this.host.requestUpdate();
  }

  /** min-height / max-height changed: clamp again. */
  applyLimits(): void {
    for (const frame of [this.visible, this.pending]) {
      if (!frame) continue;
      this.applyCssLimits(frame.iframe);
      if (frame.contentHeight !== undefined) this.setContentHeight(frame, frame.contentHeight);
    }
  }

  /** The limits as CSS too, so they hold before (or without) any height report. */
  private applyCssLimits(iframe: HTMLIFrameElement): void {
    const {min, max} = this.options.resizeMode() === 'auto' ? this.options.limits() : {};
    iframe.style.minHeight = min === undefined ? '' : `${min}px`;
    iframe.style.maxHeight = max === undefined ? '' : `${max}px`;
  }

  setTitle(title: string): void {
    for (const frame of [this.visible, this.pending]) frame?.iframe.setAttribute('title', title);
  }

  private createFrame(url: string, origin: string): Frame {
    const wrapper = document.createElement('div');
    wrapper.className = 'frame pending';
    const iframe = document.createElement('iframe');
    iframe.setAttribute('part', 'iframe');
    iframe.setAttribute('title', this.options.title());
    // Only validated http(s) embed URLs get here (answer.ts); the src is set before the
    // iframe enters the document so no about:blank load fires first.
    iframe.src = url;
    this.applyCssLimits(iframe);
    wrapper.append(iframe);
    return {wrapper, iframe, url, origin};
  }

  private onLoaded(frame: Frame): void {
    if (frame !== this.pending) return;
    // Started at load, not before: until then the iframe holds its initial about:blank
    // document, and iframe-resizer's first message (target origin pinned) would only make
    // the browser log a mismatch. Later navigations are iframe-resizer's own business.
    if (this.options.resizeMode() === 'auto') {
      frame.resizer = attachResizer(frame.iframe, (height) => this.setContentHeight(frame, height));
    }
    if (this.visible) this.swapInOnceSettled(frame);
    else this.swapIn(frame); // nothing to keep on screen: show it now
  }

  // Animation frames, not timers: the wait is about what gets painted, and it costs nothing
  // in a hidden tab (the swap happens when the page is seen again).
  private swapInOnceSettled(frame: Frame): void {
    const tick = () => {
      const settling = frame.settling!;
      settling.sinceLoad++;
      settling.quiet++;
      if (settling.quiet >= settledAfterFrames || settling.sinceLoad >= swapAtMostAfterFrames) this.swapIn(frame);
      else settling.request = requestAnimationFrame(tick);
    };
    frame.settling = {sinceLoad: 0, quiet: 0, request: requestAnimationFrame(tick)};
  }

  private swapIn(frame: Frame): void {
    if (frame !== this.pending) return;
    frame.settling = undefined;
    const previous = this.visible;
    this.visible = frame;
    this.pending = undefined;
    frame.wrapper.classList.remove('pending');
    // Not sized yet (its resizer may answer a moment after load): keep the old height, no
    // jump. Only while heights follow the content: with resize="none" the CSS height rules.
    const oldHeight = previous?.iframe.style.height;
    if (frame.contentHeight === undefined && oldHeight && this.options.resizeMode() === 'auto')
      frame.iframe.style.height = oldHeight;
    if (previous) this.discard(previous);
    this.host.requestUpdate();
    this.options.onLoad(frame.url);
    if (frame.contentHeight !== undefined) this.report(this.clamp(frame.contentHeight));
  }

  private discard(frame: Frame): void {
    if (frame.settling) cancelAnimationFrame(frame.settling.request);
    frame.resizer?.close();
    frame.wrapper.remove();
  }

  private clamp(height: number): number {
    const {min, max} = this.options.limits();
    return Math.max(min ?? 0, Math.min(max ?? Infinity, height));
  }

  private setContentHeight(frame: Frame, height: number): void {
    if (frame.settling && height !== frame.contentHeight) frame.settling.quiet = 0; // still being drawn
    if (this.options.resizeMode() !== 'auto') return;
    frame.contentHeight = height;
    const clamped = this.clamp(height);
    frame.iframe.style.height = `${clamped}px`;
    if (frame === this.visible) this.report(clamped);
  }

  private report(height: number): void {
    if (height === this.reportedHeight) return;
    this.reportedHeight = height;
    this.options.onResize(height);
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const frame = [this.visible, this.pending].find(
      (candidate) => candidate && event.source === candidate.iframe.contentWindow,
    );
    if (!frame || event.origin !== frame.origin) return;
    const message = parseMetabaseMessage(event.data);
    if (message?.type === 'location' && frame === this.visible) this.options.onLocation(message.location);
    // Metabase's own size reports count only where iframe-resizer never connected.
    if (message?.type === 'frame' && !frame.resizer?.connected) this.setContentHeight(frame, message.height);
  };
}
