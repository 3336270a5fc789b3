// Bar and line charts drawn as SVG at the pixel size of the box they fill, so labels keep
// their real font size and the plot uses the whole card. Colours come from the theme's CSS
// variables (see styles.ts), so the same chart reads well on light, night and transparent pages.
import type {ColumnSettings} from '../../content/schema.js';
import {chartMargins, labelStride, labelsThatFit, linearScale, niceTicks, type Margins} from './chart-geometry.js';
import {svg} from './dom.js';
import type {FormatColumn, Formatter} from './format.js';

export interface ChartData {
  /** The chart's accessible name, in the page's language. */
  label: string;
  x: FormatColumn;
  y: FormatColumn;
  ySettings?: ColumnSettings | undefined;
  points: {x: unknown; y: number}[];
}

export interface ChartSize {
  width: number;
  height: number;
}

/** Matches `.mb-axis-label` in styles.ts; margins and label spacing are sized from it. */
const AXIS_FONT_PX = 12;

function frame(data: ChartData, format: Formatter, {width, height}: ChartSize) {
  const values = data.points.map((point) => point.y);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), height < 200 ? 3 : 4);
  const tickLabels = ticks.map((tick) => format.format(tick, data.y, data.ySettings, true));
  const xLabels = data.points.map((point) => format.format(point.x, data.x));
  const margin = chartMargins(tickLabels, AXIS_FONT_PX);
  const y = linearScale(ticks[0] ?? 0, ticks.at(-1) ?? 0, height - margin.bottom, margin.top);
  const root = svg('svg', {
    class: 'mb-chart',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': data.label,
  });
  ticks.forEach((tick, i) => {
    root.append(
      svg('line', {class: 'mb-grid', x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick)}),
      svg(
        'text',
        {class: 'mb-axis-label', x: margin.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle'},
        tickLabels[i],
      ),
    );
  });
  const plotWidth = Math.max(1, width - margin.left - margin.right);
  const stride = labelStride(data.points.length, labelsThatFit(plotWidth, xLabels, AXIS_FONT_PX));
  return {root, y, margin, plotWidth, xLabels, stride, width, height};
}

function xLabel(root: SVGSVGElement, text: string, x: number, margin: Margins, height: number): void {
  root.append(
    svg(
      'text',
      {class: 'mb-axis-label', x, y: height - margin.bottom + AXIS_FONT_PX + 6, 'text-anchor': 'middle'},
      text,
    ),
  );
}

export function barChart(data: ChartData, format: Formatter, size: ChartSize): SVGSVGElement {
  const {root, y, margin, plotWidth, xLabels, stride, height} = frame(data, format, size);
  const band = plotWidth / Math.max(1, data.points.length);
  data.points.forEach((point, i) => {
    const left = margin.left + i * band;
    const top = Math.min(y(point.y), y(0));
    root.append(
      svg(
        'rect',
        {class: 'mb-bar', x: left + band * 0.15, width: band * 0.7, y: top, height: Math.abs(y(0) - y(point.y))},
        svg('title', {}, `${xLabels[i]}: ${format.format(point.y, data.y, data.ySettings)}`),
      ),
    );
    if (i % stride === 0) xLabel(root, xLabels[i] ?? '', left + band / 2, margin, height);
  });
  return root;
}

export function lineChart(data: ChartData, format: Formatter, size: ChartSize): SVGSVGElement {
  const {root, y, margin, xLabels, stride, width, height} = frame(data, format, size);
  const x = linearScale(0, Math.max(1, data.points.length - 1), margin.left + 8, width - margin.right - 8);
  const path = data.points
    .map((point, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(point.y).toFixed(1)}`)
    .join(' ');
  root.append(svg('path', {class: 'mb-line', d: path, fill: 'none'}));
  data.points.forEach((point, i) => {
    root.append(
      svg(
        'circle',
        {class: 'mb-dot', cx: x(i), cy: y(point.y), r: 3},
        svg('title', {}, `${xLabels[i]}: ${format.format(point.y, data.y, data.ySettings)}`),
      ),
    );
    if (i % stride === 0) xLabel(root, xLabels[i] ?? '', x(i), margin, height);
  });
  return root;
}
