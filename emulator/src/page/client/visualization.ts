// Draws one query result: a number, a bar or line chart, or a table with every row (so a
// longer result makes the page taller, which the host's iframe follows).
import type {CellValue, Display, VisualizationSettings} from '../../content/schema.js';
import type {ResultColumn} from '../../query/engine.js';
import {chartBox} from './chart-box.js';
import {barChart, lineChart} from './charts.js';
import {h} from './dom.js';
import {isNumericColumn, type Formatter} from './format.js';
import type {Translate} from './ui-text.js';

export interface ResultData {
  cols: ResultColumn[];
  rows: CellValue[][];
}

function table(data: ResultData, settings: VisualizationSettings, format: Formatter): HTMLElement {
  const numeric = data.cols.map(isNumericColumn);
  return h(
    'div',
    {class: 'mb-table-wrap'},
    h(
      'table',
      {class: 'mb-table'},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...data.cols.map((col, i) => h('th', {scope: 'col', class: numeric[i] ? 'mb-num' : null}, col.display_name)),
        ),
      ),
      h(
        'tbody',
        {},
        ...data.rows.map((row) =>
          h(
            'tr',
            {},
            ...row.map((cell, i) =>
              h(
                'td',
                {class: numeric[i] ? 'mb-num' : null},
                format.format(cell, data.cols[i]!, settings.column_settings?.[data.cols[i]!.name]), // one cell per column
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function scalar(data: ResultData, settings: VisualizationSettings, format: Formatter, t: Translate): HTMLElement {
  const col = data.cols.at(-1);
  if (!col) return h('p', {class: 'mb-empty'}, t('noResults'));
  const value = data.rows[0]?.[data.cols.length - 1] ?? null;
  return h('p', {class: 'mb-scalar'}, format.format(value, col, settings.column_settings?.[col.name]) || '–');
}

function chart(
  display: 'bar' | 'line',
  title: string,
  data: ResultData,
  settings: VisualizationSettings,
  format: Formatter,
  t: Translate,
): Element {
  const [x, y] = data.cols;
  if (!x || !y) return h('p', {class: 'mb-empty'}, t('noResults'));
  const points = data.rows.map((row) => ({x: row[0], y: Number(row[1] ?? 0)}));
  if (points.length === 0) return h('p', {class: 'mb-empty'}, t('noResults'));
  const label = t('chartValues', {title, count: points.length});
  const chartData = {label, x, y, ySettings: settings.column_settings?.[y.name], points};
  const draw = display === 'bar' ? barChart : lineChart;
  return chartBox((size) => draw(chartData, format, size));
}

export function visualization(
  display: Display,
  title: string,
  data: ResultData,
  settings: VisualizationSettings,
  format: Formatter,
  t: Translate,
): Element {
  switch (display) {
    case 'scalar':
      return scalar(data, settings, format, t);
    case 'bar':
    case 'line':
      return chart(display, title, data, settings, format, t);
    default:
      return table(data, settings, format);
  }
}
