import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl, sendToEmbed} from '../support/embed-page.js';
import {changeTiming, renewalTiming} from '../../src/embed/frame-messages.js';
import {embedWith, iframesOf, loadedIframe, nextEvent, nextTask, pageIn, until, visibleIframe} from './helpers.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';

// When a new frame replaces the one on screen (src/embed/frame-messages.ts: swapWaitMs). The clock is fake
// for timers and Date, so only the rules decide; pages, messages and heights are real.
// Every page starts as a 60 px "shell"; the test then draws it to 700 px with setHeight.
let clock: sinon.SinonFakeTimers;
beforeEach(() => {
  clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
});
afterEach(() => sinon.restore());

const shellPx = 60;
const drawnPx = 700;

/** An embed on screen, drawn to 700 px. */
async function drawnEmbed(attributes: Record<string, string> = {}) {
  const {el, heights} = await embedWith({
    attributes: {endpoint: endpointUrl({lifetime: 600, height: shellPx}), ...attributes},
  });
  const iframe = await loadedIframe(el);
  sendToEmbed(iframe, {setHeight: drawnPx});
  await until(() => iframe.style.height === `${drawnPx}px`, 'the first frame is drawn');
  return {el, iframe, heights};
}

/** The next frame, loaded out of sight, once its page has reported its shell's height. */
async function pendingShell(el: MetabaseEmbedElement, old: HTMLIFrameElement) {
  await until(() => iframesOf(el).length === 2, 'a new frame loads out of sight');
  const next = iframesOf(el).find((iframe) => iframe !== old)!;
  await pageIn(next);
  await until(() => next.style.height === `${shellPx}px`, 'the new frame reports its shell');
  return next;
}

async function renew(el: MetabaseEmbedElement): Promise<void> {
  const renewed = nextEvent(el, 'metabase-embed-token');
  await clock.tickAsync(480_000);
  expect((await renewed).detail.reason).to.equal('renew');
}

describe('swap readiness', () => {
  it('a renewal stays out of sight while it is shorter than the frame on screen, however long', async () => {
    const {el, iframe, heights} = await drawnEmbed();
    await renew(el);
    const next = await pendingShell(el, iframe);
    await clock.tickAsync(renewalTiming.capMs - 1); // cards that take seconds
    await nextTask();
    expect(visibleIframe(el), 'the old frame is still on screen').to.equal(iframe);
    const loaded = nextEvent(el, 'metabase-embed-load');
    sendToEmbed(next, {setHeight: drawnPx}); // its cards arrive: no timer needed
    await loaded;
    expect(visibleIframe(el)).to.equal(next);
    expect(iframe.isConnected).to.equal(false);
    expect(heights()).to.deep.equal([shellPx, drawnPx]); // never the shell after the first draw
  });

  it('a renewal that never gets as tall is swapped in at the cap', async () => {
    const {el, iframe} = await drawnEmbed();
    await renew(el);
    const next = await pendingShell(el, iframe);
    const loaded = nextEvent(el, 'metabase-embed-load');
    await clock.tickAsync(renewalTiming.capMs);
    await loaded;
    expect(visibleIframe(el)).to.equal(next);
  });

  it('a change the visitor asked for that stays shorter comes once its height is quiet', async () => {
    const {el, iframe} = await drawnEmbed();
    el.reload();
    await clock.tickAsync(0);
    const next = await pendingShell(el, iframe);
    await clock.tickAsync(changeTiming.quietMs - 50);
    sendToEmbed(next, {setHeight: 300}); // one card more: the quiet time starts again
    await until(() => next.style.height === '300px', 'the new frame grows');
    await clock.tickAsync(changeTiming.quietMs - 1);
    await nextTask();
    expect(visibleIframe(el), 'still drawing').to.equal(iframe);
    const loaded = nextEvent(el, 'metabase-embed-load');
    await clock.tickAsync(1);
    await loaded;
    expect(visibleIframe(el)).to.equal(next);
  });

  it('a change as tall as the frame on screen comes at once', async () => {
    const {el, iframe} = await drawnEmbed();
    el.reload();
    await clock.tickAsync(0);
    const next = await pendingShell(el, iframe);
    expect(visibleIframe(el)).to.equal(iframe);
    const loaded = nextEvent(el, 'metabase-embed-load');
    sendToEmbed(next, {setHeight: drawnPx + 20});
    await loaded;
    expect(visibleIframe(el)).to.equal(next);
    expect(next.style.height).to.equal(`${drawnPx + 20}px`);
  });

  it('the frame out of sight starts 1 px high: a child that measures its viewport reports only its content', async () => {
    // Metabase's child settings (heightCalculationMethod "max"), and a frame on screen shorter
    // than the stylesheet's 600 px: a new frame that started at 600 px would report 600 before
    // anything is drawn, and pass for ready.
    const {el, heights} = await embedWith({
      attributes: {endpoint: endpointUrl({lifetime: 600, height: shellPx, resizer: 'max'})},
    });
    const iframe = await loadedIframe(el);
    sendToEmbed(iframe, {setHeight: 400});
    await until(() => heights().at(-1) === 400, 'the first frame is drawn to 400 px');
    el.reload();
    await clock.tickAsync(0);
    const next = await pendingShell(el, iframe);
    expect(visibleIframe(el), 'the shell stays out of sight').to.equal(iframe);
    const loaded = nextEvent(el, 'metabase-embed-load');
    sendToEmbed(next, {setHeight: 400});
    await loaded;
    expect(visibleIframe(el)).to.equal(next);
  });
});
