// Stage 7, the messages: what Metabase's embed page posts to its parent (the emulator's page
// posts the same: emulator/src/page/client/frame.ts) and what the element makes of them: the
// visitor's filter values from a `location`, and, from content heights, when a frame loading
// out of sight may replace the one on screen. The caller checks the sender (this element's
// iframe window and the embed's origin); this module checks the shape.
import type {EmbedLocation, FrameParams} from './embed-types.js';
import {tabKey} from './frame-url.js';
import {isPlainObject as isRecord} from './plain-object.js';

export type MetabaseMessage =
  | {type: 'location'; location: EmbedLocation}
  /** `fit`: the height of a dashboard laid out to fill the frame, not the page's. */
  | {type: 'frame'; height: number; fit: boolean};

function readLocation(value: unknown): EmbedLocation | undefined {
  if (!isRecord(value) || typeof value.search !== 'string') return undefined;
  const location = {} as EmbedLocation;
  for (const name of ['href', 'origin', 'pathname', 'search', 'hash'] as const) {
    const text = value[name] ?? '';
    if (typeof text !== 'string') return undefined;
    location[name] = text;
  }
  return location;
}

/** A well-formed `{metabase: {type: "location" | "frame", ...}}` message, else undefined. */
export function parseMetabaseMessage(data: unknown): MetabaseMessage | undefined {
  if (!isRecord(data) || !isRecord(data.metabase)) return undefined;
  const message = data.metabase;
  if (message.type === 'location') {
    const location = readLocation(message.location);
    return location && {type: 'location', location};
  }
  if (message.type === 'frame' && isRecord(message.frame)) {
    const {height, mode} = message.frame;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return undefined;
    return {type: 'frame', height, fit: mode === 'fit'};
  }
  return undefined;
}

/**
 * Whether an embed URL's hash (as frame-url.ts writes it: each key once) asks Metabase's page
 * for `frame_sizing=content-height`: the page then flows instead of filling the iframe, so its
 * `normal` frame messages carry the content's height.
 */
export const framesCarryContentHeight = (url: string): boolean => /#(.*&)?frame_sizing=content-height(&|$)/.test(url);

// ---- The visitor's filter values and tab ----

/** The open dashboard tab in an embed's `location.search`, or null. */
export function tabFromSearch(search: string): string | null {
  return new URLSearchParams(search).get(tabKey) || null;
}

/**
 * Editable filter values from an embed's `location.search`; repeated keys become arrays;
 * `tab` is the open tab, not a filter. Slugs are the visitor's text (`constructor`,
 * `__proto__`): gathered in a Map, returned as own properties.
 */
export function paramsFromSearch(search: string): FrameParams {
  const params = new Map<string, string | string[]>();
  for (const [slug, value] of new URLSearchParams(search)) {
    if (slug === tabKey) continue;
    const previous = params.get(slug);
    params.set(slug, previous === undefined ? value : [previous, value].flat());
  }
  return Object.fromEntries(params);
}

// ---- When the new frame may be swapped in ----

// The embed page tells its parent nothing about its cards (neither Metabase nor
// iframe-resizer's child posts a "drawn" message: emulator/README.md#frame), only its content
// heights, and a dashboard grows as its cards arrive. So the signal is the height: a new frame
// whose content is as tall as what is on screen is drawn at least as far, and replacing it
// shows no shorter page. A page the visitor is waiting for (new filter values, appearance)
// that stays shorter (other data) or reports no height (resize="none", no iframe-resizer
// child) is swapped in once its height has been quiet for a while; a background renewal waits
// for the full height, and gives up only after a long while (the old frame stays valid; cards
// may take seconds). Pure: times are passed in.

export interface SwapWatch {
  /** A background renewal of what is on screen (nobody waits), not a change the visitor asked for. */
  renewal: boolean;
  /** The height on screen (clamped, CSS px); undefined while unknown. */
  shownHeight: number | undefined;
  /** The new frame's latest content height (clamped); undefined until it reports one. */
  height: number | undefined;
  /** When the new frame loaded, and when its height last changed (or its load): ms, one clock. */
  loadedAt: number;
  changedAt: number;
}

/** Quiet time, and the longest wait from load, for a change the visitor waits for... */
export const changeTiming = {quietMs: 300, capMs: 3_000};
/** ...and for a renewal: no quiet time counts, only the full height or the cap. */
export const renewalTiming = {quietMs: 10_000, capMs: 10_000};

/** 1 px of rounding between two measurements of the same page. */
const tolerancePx = 1;

/** Milliseconds until the new frame may be swapped in: 0 for now. */
export function swapWaitMs(watch: SwapWatch, now: number): number {
  const {height, shownHeight} = watch;
  if (height !== undefined && shownHeight !== undefined && height >= shownHeight - tolerancePx) return 0;
  const {quietMs, capMs} = watch.renewal ? renewalTiming : changeTiming;
  return Math.max(0, Math.min(watch.changedAt + quietMs, watch.loadedAt + capMs) - now);
}
