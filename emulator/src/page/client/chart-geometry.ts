// Scales and axis ticks for the SVG charts. Pure, DOM-free.

/** About `count` evenly spaced round values covering [min, max] (1, 2 or 5 × 10^n apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) max = min === 0 ? 1 : min + Math.abs(min);
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.floor(min / step) * step; tick <= max + step * 1e-9; tick += step)
    ticks.push(Math.round(tick / step) * step);
  const last = ticks.at(-1) ?? min;
  if (last < max) ticks.push(last + step);
  return ticks;
}

/** A linear map from [domainMin, domainMax] onto [rangeStart, rangeEnd]. */
export function linearScale(
  domainMin: number,
  domainMax: number,
  rangeStart: number,
  rangeEnd: number,
): (value: number) => number {
  const span = domainMax - domainMin || 1;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}

/** Which of `count` category labels to show so that at most `max` appear, evenly spread. */
export function labelStride(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)));
}

/** The space around a chart's plot, in px. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A generous estimate of a label's width in px (no DOM to measure while the chart is built). */
export function estimateTextWidth(text: string, fontPx: number): number {
  return Math.ceil(text.length * fontPx * 0.62);
}

/** Margins that fit the y-axis labels on the left and one row of x-axis labels below. */
export function chartMargins(yLabels: readonly string[], fontPx: number): Margins {
  const widest = Math.max(0, ...yLabels.map((label) => estimateTextWidth(label, fontPx)));
  return {top: Math.ceil(fontPx * 0.75), right: 12, bottom: Math.ceil(fontPx * 2.25), left: widest + 10};
}

/** How many x-axis labels fit side by side in `plotWidth` px with a gap between them (at least one). */
export function labelsThatFit(plotWidth: number, labels: readonly string[], fontPx: number): number {
  const widest = Math.max(1, ...labels.map((label) => estimateTextWidth(label, fontPx)));
  return Math.max(1, Math.floor(plotWidth / (widest + fontPx * 1.5)));
}
