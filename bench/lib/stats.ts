// Statistics of benchmark samples: pure functions, checked by test/bench/stats.node.test.ts.

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
  p95: number;
}

/** The value below which a share `q` (0..1) of the samples fall: nearest rank, no interpolation. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new RangeError('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be from 0 to 1, got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!; // 1 <= rank <= length
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index]!; // middle - 1 >= 0: there are samples
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summary of no samples');
  return {
    n: samples.length,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    p95: quantile(samples, 0.95),
  };
}

/** `ours / baseline` as "0.42×"; "–" when the baseline is 0 (nothing to compare with). */
export function ratio(ours: number, baseline: number): string {
  if (baseline === 0) return '–';
  const value = ours / baseline;
  return `${value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** `ours − baseline` with its sign, e.g. "+1.4 ms" or "−3.2 ms". */
export function difference(ours: number, baseline: number, unit = 'ms', digits = 1): string {
  const change = ours - baseline;
  return `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(digits)} ${unit}`;
}
