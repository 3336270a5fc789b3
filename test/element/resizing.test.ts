import {expect} from '@open-wc/testing';
import {endpointUrl, sendToEmbed} from '../support/embed-page.js';
import {embedWith, loadedIframe, nextEvent, until} from './helpers.js';

// An iframe's default height is 150 px and the element's placeholder height is 600 px: every
// height below is neither, so no test can pass without real resizing.

/** An embed of dashboard 1 from the test endpoint with these knobs, once on screen. */
async function onScreen(knobs: Parameters<typeof endpointUrl>[0], attributes: Record<string, string> = {}) {
  const {el, heights} = await embedWith({attributes: {endpoint: endpointUrl(knobs), ...attributes}});
  return {el, iframe: await loadedIframe(el), heights};
}

async function heightBecomes(iframe: HTMLIFrameElement, px: number): Promise<void> {
  await until(
    () => iframe.style.height === `${px}px`,
    `the iframe is ${px}px high (it is ${iframe.style.height || 'unset'})`,
  );
  expect(iframe.getBoundingClientRect().height).to.equal(px);
}

describe('resizing', () => {
  it('follows the content up and down through iframe-resizer', async () => {
    const {iframe, heights} = await onScreen({height: 420});
    await heightBecomes(iframe, 420);
    sendToEmbed(iframe, {setHeight: 910});
    await heightBecomes(iframe, 910);
    sendToEmbed(iframe, {setHeight: 260});
    await heightBecomes(iframe, 260);
    expect(heights()).to.deep.equal([420, 910, 260]);
  });

  it('min-height and max-height clamp the height, also when they change at run time', async () => {
    const {el, iframe, heights} = await onScreen({height: 320}, {'min-height': '400', 'max-height': '700px'});
    await heightBecomes(iframe, 400);
    sendToEmbed(iframe, {setHeight: 1200});
    await heightBecomes(iframe, 700);
    sendToEmbed(iframe, {setHeight: 550});
    await heightBecomes(iframe, 550);
    el.maxHeight = 500;
    await heightBecomes(iframe, 500);
    el.removeAttribute('min-height');
    el.maxHeight = undefined;
    await heightBecomes(iframe, 550);
    expect(heights()).to.deep.equal([400, 700, 550, 500, 550]);
  });

  it('resize="none" keeps the CSS height: no resizer, no events', async () => {
    const {el, iframe, heights} = await onScreen({height: 420}, {resize: 'none', style: 'height: 333px'});
    // The content reports nothing to a frame without a resizer; prove it by asking for another height.
    sendToEmbed(iframe, {setHeight: 900});
    sendToEmbed(iframe, {postFrame: {height: 900}});
    // The sentinel: the same window's next message, so the ones before it have been handled.
    const sentinel = nextEvent(el, 'metabase-embed-location');
    sendToEmbed(iframe, {postLocation: {search: '?after=frame'}});
    await sentinel;
    expect(iframe.style.height).to.equal('');
    expect(iframe.getBoundingClientRect().height).to.equal(333);
    expect(el.getBoundingClientRect().height).to.equal(333);
    expect(heights()).to.deep.equal([]);
  });

  // Metabase's page fills the iframe until iframe-resizer's child is ready (EmbedFrame.tsx), so
  // its frame messages carry the iframe's own height: they must not size the iframe.
  it("ignores Metabase's frame messages when iframe-resizer never connects: the CSS height stays", async () => {
    const {el, iframe, heights} = await onScreen({height: 420, resizer: false});
    sendToEmbed(iframe, {postFrame: {height: 480, mode: 'normal'}});
    sendToEmbed(iframe, {postFrame: {height: 230}});
    // The sentinel: the same window's next message, so the ones before it have been handled.
    const sentinel = nextEvent(el, 'metabase-embed-location');
    sendToEmbed(iframe, {postLocation: {search: '?after=frame'}});
    await sentinel;
    expect(iframe.style.height).to.equal('');
    expect(heights()).to.deep.equal([]);
  });

  // With frame_sizing=content-height Metabase's page flows instead of filling the iframe, so
  // its frame messages carry the content's height: they size the iframe until iframe-resizer reports.
  it('frame-sizing="content-height": frame messages size the iframe while iframe-resizer is not connected', async () => {
    const {iframe, heights} = await onScreen({height: 420, resizer: false}, {'frame-sizing': 'content-height'});
    expect(new URL(iframe.src).hash).to.equal('#frame_sizing=content-height');
    sendToEmbed(iframe, {postFrame: {height: 480, mode: 'normal'}});
    await heightBecomes(iframe, 480);
    sendToEmbed(iframe, {postFrame: {height: 90, mode: 'fit'}}); // a fullscreen layout's own height: not the page's
    sendToEmbed(iframe, {postFrame: {height: 230}});
    await heightBecomes(iframe, 230);
    expect(heights()).to.deep.equal([480, 230]);
  });

  it('frame-sizing="content-height": frame messages size nothing once iframe-resizer has reported', async () => {
    const {iframe, heights} = await onScreen({height: 420}, {'frame-sizing': 'content-height'});
    await heightBecomes(iframe, 420);
    sendToEmbed(iframe, {postFrame: {height: 999}});
    sendToEmbed(iframe, {setHeight: 430}); // reported after the frame message, so it was seen first
    await heightBecomes(iframe, 430);
    expect(heights()).to.deep.equal([420, 430]);
  });

  it('ignores frame messages once iframe-resizer is connected', async () => {
    const {iframe, heights} = await onScreen({height: 420});
    await heightBecomes(iframe, 420);
    sendToEmbed(iframe, {postFrame: {height: 999}});
    sendToEmbed(iframe, {setHeight: 430}); // reported after the frame message, so it was seen first
    await heightBecomes(iframe, 430);
    expect(heights()).to.deep.equal([420, 430]);
  });

  // When a new URL replaces the visible one (shell first, then cards): swap-readiness.test.ts.

  it('the renewed frame arrives already sized: no jump at the swap', async () => {
    const {el, iframe, heights} = await onScreen({height: 640});
    await heightBecomes(iframe, 640);
    const swapped = new Promise<string>((resolve) =>
      el.addEventListener('metabase-embed-load', () => resolve(el.shadowRoot!.querySelector('iframe')!.style.height), {
        once: true,
      }),
    );
    el.reload();
    expect(await swapped).to.equal('640px');
    const renewed = el.shadowRoot!.querySelector('iframe')!;
    expect(renewed).to.not.equal(iframe);
    sendToEmbed(renewed, {setHeight: 650});
    await heightBecomes(renewed, 650);
    expect(heights()).to.deep.equal([640, 650]);
  });

  it('max-height and min-height hold before the content reports any height', async () => {
    const {iframe} = await onScreen({resizer: false}, {'max-height': '300'});
    // No resizer and no frame message: the iframe has only its CSS height (600 px by default).
    expect(iframe.getBoundingClientRect().height).to.equal(300);
    const tall = await onScreen({resizer: false}, {'min-height': '700'});
    expect(tall.iframe.getBoundingClientRect().height).to.equal(700);
  });

  it('switching resize to "none" at run time leaves no stale pixel height: the iframe fills the element', async () => {
    const {el, iframe} = await onScreen({height: 420}, {style: 'height: 333px'});
    await heightBecomes(iframe, 420);
    el.resize = 'none';
    await nextEvent(el, 'metabase-embed-load');
    const shown = el.shadowRoot!.querySelector('iframe')!;
    expect(shown).to.not.equal(iframe);
    expect(shown.style.height).to.equal('');
    expect(shown.getBoundingClientRect().height).to.equal(333);
    expect(el.hasAttribute('resize'), 'the property is not written onto the host').to.equal(false);
  });

  it('resize set as a property (as frameworks do) gives the element its default fixed height', async () => {
    const {el} = await onScreen({height: 420}, {});
    el.resize = 'none';
    await nextEvent(el, 'metabase-embed-load');
    expect(el.getBoundingClientRect().height).to.equal(600); // --metabase-embed-height's default
    expect(el.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().height).to.equal(600);
    el.resize = 'auto';
    await nextEvent(el, 'metabase-embed-load');
    await heightBecomes(el.shadowRoot!.querySelector('iframe')!, 420);
  });
});
