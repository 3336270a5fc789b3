// End to end: the iframe's height follows the embedded dashboard's table, down when the
// demo page's category select shortens it and back up when the filter is cleared.
// On the demo dashboard page in a window of its own: a background tab does no layout.
import {expect, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {cardRows, demoStack, openDemoPage, signIn, tokenInUrl, visibleIframe, type DemoStack} from './demo-stack.js';

/** Heights the emulator's pages post in `{metabase: {type: "frame"}}` messages, per window. */
const postedHeights = new Map<MessageEventSource, number[]>();
function recordFrameMessage(event: MessageEvent) {
  const frame = (event.data as {metabase?: {type?: string; frame?: {height?: number}}} | null)?.metabase;
  if (frame?.type !== 'frame' || typeof frame.frame?.height !== 'number' || !event.source) return;
  postedHeights.set(event.source, [...(postedHeights.get(event.source) ?? []), frame.frame.height]);
}

/** Resolves once `value()` has stayed the same for `count` animation frames of `page`. */
function unchangedFor(page: Window, count: number, value: () => unknown): Promise<void> {
  return new Promise((resolve) => {
    let last = value();
    let same = 0;
    const check = () => {
      const current = value();
      same = current === last ? same + 1 : 0;
      last = current;
      if (same >= count) resolve();
      else page.requestAnimationFrame(check);
    };
    page.requestAnimationFrame(check);
  });
}

/**
 * Waits for a new iframe (not `previous`) that shows the dashboard with its table, and
 * returns the height its page reported, once the iframe has taken it. The page posts a
 * height only when it changed since its last 100 ms poll: depending on when its polls fall,
 * that is the iframe's own height while the page fills it, the cards with their loading
 * placeholders, then the table's rows, or only the last of these. So the height counts as
 * final once it has held for 60 frames with the iframe at that height.
 */
async function nextHeightWithTable(embed: MetabaseEmbedElement, previous: HTMLIFrameElement) {
  const page = embed.ownerDocument.defaultView!;
  let frame = previous;
  const posted = () => [...new Set(postedHeights.get(frame.contentWindow!) ?? [])];
  const taken = () => frame !== previous && posted().length > 0 && frame.style.height === `${posted().at(-1)}px`;
  for (let attempt = 0; ; attempt++) {
    await waitUntil(
      () => {
        if (embed.state === 'ready') frame = visibleIframe(embed);
        return taken();
      },
      'the new iframe never took the height its page reported',
      {timeout: 20_000},
    );
    await unchangedFor(page, 60, () => posted().at(-1));
    if (taken() || attempt === 5) break;
  }
  expect(taken(), 'the iframe kept the height its page reported').to.equal(true);
  return {frame, height: posted().at(-1)!, token: tokenInUrl(frame.src)};
}

describe('e2e: the iframe height follows the table', () => {
  let stack: DemoStack;
  let page: Window;

  before(async () => {
    stack = await demoStack('resize');
    await signIn(stack, 'ada');
  });

  after(() => page?.close());

  it('shrinks when the category select shortens the table and grows back when it is cleared', async () => {
    page = await openDemoPage(stack, '');
    page.addEventListener('message', recordFrameMessage);
    const embed = page.document.querySelector<MetabaseEmbedElement>('metabase-embed#dashboard')!;
    const category = page.document.querySelector<HTMLSelectElement>('select[data-slug="category"]')!;
    const resized: number[] = [];
    embed.addEventListener('metabase-embed-resize', (event) => resized.push(event.detail.height));
    const choose = (value: string) => {
      category.value = value;
      category.dispatchEvent(new Event('change', {bubbles: true}));
    };

    // A fresh iframe, now that the listeners are in place.
    await waitUntil(() => embed.state === 'ready', 'the dashboard never loaded', {timeout: 20_000});
    embed.reload();
    const all = await nextHeightWithTable(embed, visibleIframe(embed));
    choose('Gizmo');
    const gizmo = await nextHeightWithTable(embed, all.frame);
    choose('');
    const allAgain = await nextHeightWithTable(embed, gizmo.frame);

    // The table is what changed: fewer rows for one category than for all four.
    const allRows = (await cardRows(stack, all.token, 'Products')).length;
    const gizmoRows = (await cardRows(stack, gizmo.token, 'Products')).length;
    expect(gizmoRows).to.be.above(0).and.below(allRows);

    expect(gizmo.height).to.be.below(all.height);
    expect(allAgain.height).to.equal(all.height);
    // The element reported the way down and the way back up, in that order.
    const down = resized.indexOf(gizmo.height);
    expect(down).to.be.above(resized.indexOf(all.height));
    expect(resized.lastIndexOf(all.height)).to.be.above(down);
    expect(resized.at(-1)).to.equal(all.height);
    expect(visibleIframe(embed).style.height).to.equal(`${all.height}px`);
    expect(embed.getBoundingClientRect().height).to.be.at.least(all.height);
  });
});
