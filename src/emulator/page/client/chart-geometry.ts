// Scales and axis ticks for the SVG charts. Pure, DOM-free.

/** About `count` evenly spaced round values covering [min, max] (1, 2 or 5 × 10^n apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) max = min === 0 ? 1 : min + Math.abs(min);
  const rough = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.floor(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Math.round(tick / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** A linear map from [domainMin, domainMax] onto [rangeStart, rangeEnd]. */
export function linearScale(domainMin: number, domainMax: number, rangeStart: number, rangeEnd: number): (value: number) => number {
  const span = domainMax - domainMin || 1;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}

/** Which of `count` category labels to show so that at most `max` appear, evenly spread. */
export function labelStride(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, max)));
}
