// The one table `npm run bench` prints: a row per figure, ours next to its baseline measured
// in the same run. Pure formatting, checked by test/bench/stats.node.test.ts.
import type {Summary} from './stats.js';

export interface Row {
  /** The item number and a short name, e.g. "2 token requests". */
  item: string;
  /** What is measured, with its unit. */
  measure: string;
  /** metabase-embed's figure (already formatted). */
  ours: string;
  /** What the figure is compared with, e.g. "naive element". */
  baselineName?: string;
  baseline?: string;
  /** "0.42×", "goal 1", "+3.1 ms", … */
  comparison?: string;
}

const headers = ['#', 'measure', 'metabase-embed', 'baseline', 'baseline figure', 'ratio / goal'] as const;

/** A summary as "median (min–max)", or just the value when every sample agrees. */
export function spread(summary: Summary, digits = 0, unit = ''): string {
  const format = (value: number) =>
    value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
  const suffix = unit ? ` ${unit}` : '';
  if (summary.min === summary.max) return `${format(summary.median)}${suffix}`;
  return `${format(summary.median)}${suffix} (${format(summary.min)}–${format(summary.max)})`;
}

function cells(row: Row): string[] {
  return [row.item, row.measure, row.ours, row.baselineName ?? '', row.baseline ?? '', row.comparison ?? ''];
}

/** A Markdown table (readable as plain text too), columns padded to their widest cell. */
export function renderTable(rows: readonly Row[]): string {
  const matrix = [headers.slice(), ...rows.map(cells)];
  const widths = headers.map((_, column) => Math.max(...matrix.map((line) => line[column]?.length ?? 0)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(headers.slice()), rule, ...matrix.slice(1).map(line)].join('\n');
}
