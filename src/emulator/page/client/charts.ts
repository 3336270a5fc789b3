// Bar and line charts drawn as SVG. Colours come from the theme's CSS variables (see
// styles.ts), so the same chart reads well on light, night and transparent pages.
import type {ColumnSettings} from '../../content/types.js';
import {labelStride, linearScale, niceTicks} from './chart-geometry.js';
import {svg} from './dom.js';
import type {FormatColumn, Formatter} from './format.js';

export interface ChartData {
  title: string;
  x: FormatColumn;
  y: FormatColumn;
  ySettings?: ColumnSettings;
  points: {x: unknown; y: number}[];
}

const WIDTH = 480;
const HEIGHT = 240;
const MARGIN = {top: 12, right: 12, bottom: 34, left: 58};

function frame(data: ChartData, format: Formatter) {
  const values = data.points.map((point) => point.y);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4);
  const y = linearScale(ticks[0]!, ticks[ticks.length - 1]!, HEIGHT - MARGIN.bottom, MARGIN.top);
  const root = svg('svg', {
    class: 'mb-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `${data.title}: ${data.points.length} values`,
  });
  for (const tick of ticks) {
    root.append(
      svg('line', {class: 'mb-grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick)}),
      svg('text', {class: 'mb-axis-label', x: MARGIN.left - 6, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle'},
        format.format(tick, data.y, data.ySettings, true)),
    );
  }
  return {root, y};
}

function xLabel(root: SVGSVGElement, text: string, x: number): void {
  root.append(svg('text', {class: 'mb-axis-label', x, y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle'}, text));
}

export function barChart(data: ChartData, format: Formatter): SVGSVGElement {
  const {root, y} = frame(data, format);
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, data.points.length);
  const stride = labelStride(data.points.length, 8);
  data.points.forEach((point, i) => {
    const left = MARGIN.left + i * band;
    const top = Math.min(y(point.y), y(0));
    const label = format.format(point.x, data.x);
    root.append(svg('rect', {class: 'mb-bar', x: left + band * 0.15, width: band * 0.7, y: top, height: Math.abs(y(0) - y(point.y))},
      svg('title', {}, `${label}: ${format.format(point.y, data.y, data.ySettings)}`)));
    if (i % stride === 0) xLabel(root, label, left + band / 2);
  });
  return root;
}

export function lineChart(data: ChartData, format: Formatter): SVGSVGElement {
  const {root, y} = frame(data, format);
  const x = linearScale(0, Math.max(1, data.points.length - 1), MARGIN.left + 8, WIDTH - MARGIN.right - 8);
  const stride = labelStride(data.points.length, 6);
  const path = data.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ');
  root.append(svg('path', {class: 'mb-line', d: path, fill: 'none'}));
  data.points.forEach((point, i) => {
    const label = format.format(point.x, data.x);
    root.append(svg('circle', {class: 'mb-dot', cx: x(i), cy: y(point.y), r: 2.5},
      svg('title', {}, `${label}: ${format.format(point.y, data.y, data.ySettings)}`)));
    if (i % stride === 0) xLabel(root, label, x(i));
  });
  return root;
}
