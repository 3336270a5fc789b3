// The element uses its own iframe-resizer 4.3.2 even when the page already has another
// `window.iFrameResize`, and leaves that one in place for the page.
import {hostCalls, hostIFrameResize} from './host-iframe-resizer.js';
import {expect, html} from '@open-wc/testing';
import {endpointUrl, sendToEmbed} from '../support/embed-page.js';
import {loadedIframe, renderEmbed, until} from './helpers.js';

describe('a page with its own window.iFrameResize', () => {
  it("keeps the page's function, never calls it, and still sizes the embed with its own", async () => {
    expect((window as {iFrameResize?: unknown}).iFrameResize).to.equal(hostIFrameResize);
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({height: 420})}></metabase-embed>`,
    );
    const iframe = await loadedIframe(el);
    await until(() => iframe.style.height === '420px', "the element's iframe-resizer sized the frame");
    sendToEmbed(iframe, {setHeight: 880});
    await until(() => iframe.style.height === '880px', 'the height follows the content');
    expect(hostCalls).to.deep.equal([]);
    expect((window as {iFrameResize?: unknown}).iFrameResize).to.equal(hostIFrameResize);
  });
});
