// emulator/README.md#frame from the parent's side: the location message when a visitor changes a filter,
// frame messages (the iframe's own height while the page fills it, the content's once
// iframe-resizer 4.3.2's child is ready or from the start with `frame_sizing=content-height`),
// and iframe-resizer end to end.
import {expect, waitUntil} from '@open-wc/testing';
import {EmbeddedPage, emulatorOrigin, salesToken, type MetabaseMessage} from '../../support/emulator-browser.js';

const isFrame = (m: MetabaseMessage) => m.type === 'frame';
const lastHeight = (page: EmbeddedPage) => page.messages.filter(isFrame).at(-1)?.frame?.height ?? 0;
// Chromium never sizes, so never lays out, the cross-origin iframes of a page in a background
// tab; with several test pages as tabs of one window, all but one are hidden.
const NOT_LAID_OUT = 'the embed has no layout: is the test page a hidden background tab?';

describe('emulator embed page: messages to the parent', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  it('posts its location, and the height of the iframe it fills until iframe-resizer is ready', async () => {
    const token = await salesToken();
    page = await EmbeddedPage.open(`/embed/dashboard/${token}?category=Gadget#titled=true`, {height: 300});
    const view = await page.settled();
    const location = await page.message((m) => m.type === 'location', 'location');
    expect(location.location).to.include({
      origin: await emulatorOrigin(),
      pathname: `/embed/dashboard/${token}`,
      search: '?category=Gadget',
      hash: '#titled=true',
    });
    expect(view.height, NOT_LAID_OUT).to.be.above(300); // the dashboard is taller than its iframe…
    expect(view.filling).to.equal(true); // …and scrolls inside it: no iframe-resizer parent here
    const frame = await page.message(isFrame, 'frame');
    expect(frame.frame).to.deep.equal({mode: 'normal', height: 300}); // the iframe's height, as Metabase posts it
    // A later sentinel: a filter change (its location message comes after any frame message of this load).
    await page.select('category', 'Gizmo');
    await page.message((m) => m.type === 'location' && m.location!.search === '?category=Gizmo', 'later location');
    expect(page.messages.filter(isFrame).map((m) => m.frame!.height)).to.deep.equal([300]);
  });

  it("#frame_sizing=content-height: frames carry the content height before iframe-resizer; without it, the iframe's", async () => {
    const token = await salesToken();
    page = await EmbeddedPage.open(`/embed/dashboard/${token}#frame_sizing=content-height`, {height: 300});
    const view = await page.settled();
    expect(view.height, NOT_LAID_OUT).to.be.above(300); // taller than its iframe…
    expect(view.filling).to.equal(false); // …yet not filling it: no iframe-resizer parent here
    await page.message((m) => isFrame(m) && m.frame!.height === view.height, 'a frame with the content height');
    expect(page.messages.filter(isFrame).map((m) => m.frame!.height)).to.not.include(300);
    // The parent drops the option: the page fills its iframe again and reports the iframe's height.
    page.iframe.contentWindow!.postMessage(
      {metabase: {type: 'location', location: {hash: '#titled=true'}}},
      await emulatorOrigin(),
    );
    const filling = await page.message((m) => isFrame(m) && m.frame!.height === 300, 'a frame with the iframe height');
    expect(filling.frame!.mode).to.equal('normal');
    expect((await page.snapshot()).filling).to.equal(true);
  });

  it('#fullscreen: a dashboard posts "fit" frames with its own height; back to "normal" without it', async () => {
    const token = await salesToken();
    page = await EmbeddedPage.open(`/embed/dashboard/${token}#fullscreen`, {height: 420});
    await page.settled();
    const fit = await page.message((m) => isFrame(m) && m.frame!.mode === 'fit', 'fit frame');
    expect(fit.frame!.height, NOT_LAID_OUT).to.be.above(0); // the dashboard's own height (borders may add a pixel or two)
    expect(page.messages.some((m) => isFrame(m) && m.frame!.mode === 'normal')).to.equal(false);
    page.iframe.contentWindow!.postMessage(
      {metabase: {type: 'location', location: {hash: '#bordered=true'}}},
      await emulatorOrigin(),
    );
    const normal = await page.message((m) => isFrame(m) && m.frame!.mode === 'normal', 'normal frame');
    expect(normal.frame!.height).to.equal(420); // filling its iframe again: the iframe's height
  });

  it('a filter change updates location.search and posts it, and the cards follow', async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}#bordered=false`);
    await page.settled();
    await page.select('category', 'Gizmo');
    const location = await page.message(
      (m) => m.type === 'location' && m.location!.search === '?category=Gizmo',
      'location with the new filter',
    );
    expect(location.location!.href).to.match(/\?category=Gizmo#bordered=false$/);
    const view = await page.settled(
      (snapshot) =>
        snapshot.cards[3]!.axisLabels.includes('Gizmo') && !snapshot.cards[3]!.axisLabels.includes('Gadget'),
    );
    expect(view.parameters.find((p) => p.slug === 'category')!.value).to.equal('Gizmo');
    expect(view.downloadLinks).to.have.length(6);
    for (const href of view.downloadLinks)
      expect(decodeURIComponent(href)).to.match(/\/csv\?parameters=\{"category":"Gizmo"\}$/);
  });

  it('with iframe-resizer 4.3.2 (parent script from /app/iframeResizer.js) it flows, and its frames follow the content', async () => {
    const origin = await emulatorOrigin();
    if (!('iFrameResize' in window)) {
      const script = Object.assign(document.createElement('script'), {src: `${origin}/app/iframeResizer.js`});
      const loaded = new Promise((resolve, reject) => {
        script.addEventListener('load', resolve);
        script.addEventListener('error', reject);
      });
      document.head.append(script);
      await loaded;
    }
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}?category=Widget`, {height: 200});
    const short = await page.settled();
    expect(short.height, NOT_LAID_OUT).to.be.above(200);
    const iFrameResize = (window as unknown as {iFrameResize: (options: object, target: HTMLIFrameElement) => unknown})
      .iFrameResize;
    iFrameResize({checkOrigin: [origin], heightCalculationMethod: 'max', warningTimeout: 0}, page.iframe);
    const {iframe} = page;
    await waitUntil(
      () => Math.abs(parseFloat(iframe.style.height) - short.height) <= 2,
      'iframe-resizer did not size the iframe',
      {timeout: 10_000},
    );
    expect((await page.snapshot()).filling).to.equal(false);
    await page.message((m) => isFrame(m) && m.frame!.height === short.height, 'a frame with the content height');
    await page.select('category', ''); // "All": every product
    const long = await page.settled((snapshot) => snapshot.cards[5]!.rows > short.cards[5]!.rows);
    const grown = await page.message((m) => isFrame(m) && m.frame!.height === long.height, 'a taller frame');
    expect(grown.frame!.height).to.be.above(short.height);
    await page.select('category', 'Doohickey');
    const shorter = await page.settled((snapshot) => snapshot.cards[5]!.rows < long.cards[5]!.rows);
    await page.message((m) => isFrame(m) && m.frame!.height === shorter.height, 'a shorter frame');
    expect(lastHeight(page)).to.be.below(long.height);
  });

  it('accepts a location message from its parent (new filters), and ignores one from any other window', async () => {
    const origin = await emulatorOrigin();
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken()}`);
    await page.settled();
    // A stranger: another frame of the host page, posting the same kind of message from its own script.
    const stranger = document.createElement('iframe');
    stranger.srcdoc = `<script>
      const target = parent.document.getElementById(${JSON.stringify(page.iframe.id)}).contentWindow;
      target.postMessage({metabase: {type: 'location', location: {search: '?category=Widget'}}}, ${JSON.stringify(origin)});
    </script>`;
    const strangerLoaded = new Promise((resolve) => stranger.addEventListener('load', resolve));
    document.body.append(stranger);
    await strangerLoaded;
    page.iframe.contentWindow!.postMessage(
      {metabase: {type: 'location', location: {search: '?category=Gizmo'}}},
      origin,
    );
    const moved = await page.message(
      (m) => m.type === 'location' && m.location!.search === '?category=Gizmo',
      'location after navigation',
    );
    expect(moved.location!.pathname).to.match(/^\/embed\/dashboard\//);
    const view = await page.settled(
      (snapshot) => snapshot.parameters.find((p) => p.slug === 'category')!.value === 'Gizmo',
    );
    expect(view.cards[3]!.axisLabels).to.include('Gizmo').and.not.include('Widget');
    expect(page.messages.some((m) => m.location?.search === '?category=Widget')).to.equal(false);
    stranger.remove();
  });
});
