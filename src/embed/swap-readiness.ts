// When a frame loading out of sight may replace the one on screen. The embed page tells its
// parent nothing about its cards (neither Metabase nor iframe-resizer's child posts a "drawn"
// message: emulator/README.md#frame), only its content heights, and a dashboard grows as its
// cards arrive. So the signal is the height: a new frame whose content is as tall as what is
// on screen is drawn at least as far, and replacing it shows no shorter page. A page the
// visitor is waiting for (new filter values, appearance) that stays shorter (other data) or
// reports no height (resize="none", no iframe-resizer child) is swapped in once its height
// has been quiet for a while; a background renewal waits for the full height, and gives up
// only after a long while (the old frame stays valid; cards may take seconds). Pure: times are passed in.

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
