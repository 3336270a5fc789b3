// The embed page's charts as laid out in Chromium: the page's own stylesheet and a card of
// a dashcard's height, with the chart module drawing into it. A chart must fill its card's
// body (no empty bands above and below the plot), keep its axis labels at 12 px on screen,
// and not let x-axis labels overlap, at any card size.
import {expect, waitUntil} from '@open-wc/testing';
import {PAGE_CSS} from '../src/page/styles.js';
import {h} from '../src/page/client/dom.js';
import {createFormatter} from '../src/page/client/format.js';
import {translator} from '../src/page/client/ui-text.js';
import {visualization, type ResultData} from '../src/page/client/visualization.js';

const byCategory: ResultData = {
  cols: [
    {name: 'category', display_name: 'Category', base_type: 'type/Text'},
    {name: 'sum', display_name: 'Sum of Total', base_type: 'type/Float'},
  ],
  rows: [
    ['Doohickey', 35_210.5],
    ['Gadget', 40_118.2],
    ['Gizmo', 47_003],
    ['Widget', 43_009.9],
  ],
};
const perMonth: ResultData = {
  cols: [
    {name: 'created_at', display_name: 'Created At', base_type: 'type/DateTime', unit: 'month'},
    {name: 'count', display_name: 'Count', base_type: 'type/BigInteger'},
  ],
  rows: Array.from({length: 24}, (_, i) => [
    `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z`,
    10 + i * 3,
  ]),
};

const style = Object.assign(document.createElement('style'), {textContent: PAGE_CSS});
document.head.append(style);

/** A dashboard card of `width` × `height` px holding the chart, as the page builds it. */
function mountCard(display: 'bar' | 'line', data: ResultData, width: number, height: number) {
  const body = h(
    'div',
    {class: 'mb-card-body'},
    visualization(display, 'Chart', data, {}, createFormatter('en'), translator('en')),
  );
  const card = h(
    'section',
    {class: `mb-card mb-card-${display}`},
    h('div', {class: 'mb-card-head'}, h('h2', {class: 'mb-card-title'}, 'Chart')),
    body,
  );
  card.style.width = `${width}px`;
  card.style.height = `${height}px`;
  document.body.append(card);
  return {card, body};
}

/** Waits until the chart is drawn at its box's size and returns what is on screen. */
async function drawnChart(body: HTMLElement) {
  const box = body.querySelector<HTMLElement>('.mb-chart-box')!;
  const chart = () => box.querySelector<SVGSVGElement>('svg.mb-chart')!;
  await waitUntil(
    () =>
      chart().getAttribute('width') === String(box.clientWidth) &&
      chart().getAttribute('height') === String(box.clientHeight),
    'the chart was not redrawn at its box size',
    {timeout: 3000},
  );
  const gridLines = [...chart().querySelectorAll('line.mb-grid')].map((line) => line.getBoundingClientRect().top);
  return {
    box,
    svg: chart(),
    labels: [...chart().querySelectorAll<SVGTextElement>('.mb-axis-label')],
    top: Math.min(...gridLines),
    bottom: Math.max(...gridLines),
  };
}

describe('emulator embed page: charts fill their cards', () => {
  afterEach(() => document.querySelectorAll('.mb-card').forEach((card) => card.remove()));

  for (const [display, data] of [
    ['bar', byCategory],
    ['line', perMonth],
  ] as const) {
    it(`a ${display} chart in a 460 × 396 px dashcard uses the whole body: plot from its top to just above its labels`, async () => {
      const {body} = mountCard(display, data, 460, 396);
      const {box, svg, top, bottom} = await drawnChart(body);
      const bodyRect = body.getBoundingClientRect();
      expect(box.getBoundingClientRect().height).to.be.closeTo(bodyRect.height, 1);
      expect(svg.getBoundingClientRect().height).to.be.closeTo(bodyRect.height, 1);
      expect(top - bodyRect.top, 'empty band above the plot').to.be.below(16);
      expect(bodyRect.bottom - bottom, 'room below the plot: only the x labels').to.be.within(20, 36);
    });
  }

  it('axis labels are 12 px on screen (the chart is not scaled), readable at any card width', async () => {
    for (const width of [300, 460, 900]) {
      const {body, card} = mountCard('bar', byCategory, width, 396);
      const {svg, labels} = await drawnChart(body);
      expect(svg.getBoundingClientRect().width / svg.viewBox.baseVal.width, `scale at ${width} px`).to.be.closeTo(
        1,
        0.01,
      );
      expect(labels.map((label) => getComputedStyle(label).fontSize)).to.satisfy(
        (sizes: string[]) => sizes.length > 0 && sizes.every((size) => size === '12px'),
      );
      card.remove();
    }
  });

  it('x-axis labels never overlap, however narrow the card (24 months in 260 px)', async () => {
    for (const width of [260, 460, 900]) {
      const {body, card} = mountCard('line', perMonth, width, 300);
      const {labels, bottom} = await drawnChart(body);
      const xLabels = labels.map((label) => label.getBoundingClientRect()).filter((rect) => rect.top > bottom);
      expect(xLabels.length, `x labels at ${width} px`).to.be.at.least(2);
      xLabels
        .slice(1)
        .forEach((rect, i) => expect(rect.left, `label ${i + 1} at ${width} px`).to.be.above(xLabels[i]!.right));
      card.remove();
    }
  });

  it('a card that changes size redraws its chart at the new size', async () => {
    const {card, body} = mountCard('bar', byCategory, 460, 396);
    await drawnChart(body);
    card.style.height = '250px';
    card.style.width = '600px';
    const {svg} = await drawnChart(body);
    expect([svg.getAttribute('width'), Number(svg.getAttribute('height'))]).to.deep.equal([
      String(body.clientWidth),
      body.clientHeight,
    ]);
    expect(body.clientHeight).to.be.below(250);
  });
});
