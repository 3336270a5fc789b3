// A box that fills its card's body and keeps the chart inside drawn at the box's own pixel
// size: redrawn whenever the box changes size. The chart is absolutely placed in the box,
// so it never feeds back into the box's (and the iframe's) height.
import type {ChartSize} from './charts.js';
import {h} from './dom.js';

/** The size the chart is first drawn at, before layout; replaced before the first paint. */
const FIRST_SIZE: ChartSize = {width: 480, height: 240};

export function chartBox(draw: (size: ChartSize) => SVGSVGElement): HTMLElement {
  const box = h('div', {class: 'mb-chart-box'}, draw(FIRST_SIZE));
  let drawn = FIRST_SIZE;
  const observer = new ResizeObserver(() => {
    if (!box.isConnected) return observer.disconnect(); // the page re-rendered without it
    const size = {width: Math.floor(box.clientWidth), height: Math.floor(box.clientHeight)};
    if (size.width === 0 || size.height === 0) return;
    if (size.width === drawn.width && size.height === drawn.height) return;
    drawn = size;
    box.replaceChildren(draw(size));
  });
  observer.observe(box);
  return box;
}
