// The emulator's test page and the signing endpoint, seen from a test page: the page is on another
// origin, iframe-resizer's parent script follows its height, and it obeys sendToEmbed commands.
import {expect, waitUntil} from '@open-wc/testing';
import 'iframe-resizer/js/iframeResizer.js';
import {
  embedPageOrigin,
  endpointUrl,
  mintEmbedUrl,
  newSession,
  nextEmbedLoad,
  requestLog,
  sendToEmbed,
} from '../support/embed-page.js';

declare global {
  interface Window {
    iFrameResize(options: Record<string, unknown>, target: HTMLIFrameElement): Array<{iFrameResizer: {close(): void}}>;
  }
}

const frames: HTMLIFrameElement[] = [];

async function showEmbed(url: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 400px; border: 0';
  frames.push(iframe);
  const loaded = nextEmbedLoad(iframe);
  iframe.src = url;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

function nextMessageFrom(iframe: HTMLIFrameElement, isWanted: (data: unknown) => boolean): Promise<MessageEvent> {
  return new Promise((resolve) => {
    window.addEventListener('message', function listener(event) {
      if (event.source !== iframe.contentWindow || !isWanted(event.data)) return;
      window.removeEventListener('message', listener);
      resolve(event);
    });
  });
}

afterEach(() => {
  for (const iframe of frames.splice(0)) iframe.remove();
});

describe('fake embed page', () => {
  it('is served from another origin than the test page', async () => {
    const origin = await embedPageOrigin();
    expect(origin).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(origin).not.to.equal(location.origin);
    const iframe = await showEmbed(await mintEmbedUrl({resource: {dashboard: 12}}));
    expect(iframe.contentDocument).to.equal(null);
    expect(() => iframe.contentWindow!.document).to.throw();
  });

  it('reports what it was given: resource, token params, query and hash', async () => {
    const origin = await embedPageOrigin();
    const url = await mintEmbedUrl({resource: {question: 7}, params: {category: 'Gizmo'}});
    const loaded = nextEmbedLoad();
    await showEmbed(`${url}?size=L&size=XL#theme=night&bordered=false`);
    expect(await loaded).to.deep.equal({
      href: `${url}?size=L&size=XL#theme=night&bordered=false`,
      resource: {question: 7},
      tokenParams: {category: 'Gizmo'},
      queryParams: {size: ['L', 'XL']},
      hash: '#theme=night&bordered=false',
    });
    expect(url.startsWith(`${origin}/embed/question/`)).to.equal(true);
  });

  it("lets iframe-resizer's parent script follow its height up and down", async () => {
    const origin = await embedPageOrigin();
    const iframe = await showEmbed(await mintEmbedUrl({resource: {dashboard: 1}, height: 420}));
    expect(iframe.style.height).to.equal(''); // 150 px by default: nothing resized it yet
    const [resizer] = window.iFrameResize({checkOrigin: [origin], log: false}, iframe);
    try {
      await waitUntil(() => iframe.style.height === '420px', `height stayed ${iframe.style.height}`);
      sendToEmbed(iframe, {setHeight: 700});
      await waitUntil(() => iframe.style.height === '700px', `height stayed ${iframe.style.height}`);
      sendToEmbed(iframe, {setHeight: 180});
      await waitUntil(() => iframe.style.height === '180px', `height stayed ${iframe.style.height}`);
    } finally {
      resizer!.iFrameResizer.close();
    }
  });

  it('posts Metabase-shaped location and frame messages on command', async () => {
    const origin = await embedPageOrigin();
    const iframe = await showEmbed(await mintEmbedUrl({resource: {dashboard: 1}}));
    const isMetabase = (type: string) => (data: unknown) =>
      (data as {metabase?: {type?: string}})?.metabase?.type === type;

    const location = nextMessageFrom(iframe, isMetabase('location'));
    sendToEmbed(iframe, {postLocation: {search: '?a=1&a=2'}});
    const {origin: from, data} = await location;
    expect(from).to.equal(origin);
    const reported = (data as {metabase: {location: Record<string, string>}}).metabase.location;
    expect(reported.search).to.equal('?a=1&a=2');
    expect(reported.origin).to.equal(origin);
    expect(reported.href).to.equal(`${origin}${reported.pathname}?a=1&a=2`);

    const frame = nextMessageFrom(iframe, isMetabase('frame'));
    sendToEmbed(iframe, {postFrame: {height: 512}});
    expect((await frame).data).to.deep.equal({metabase: {type: 'frame', frame: {mode: 'normal', height: 512}}});

    const verbatim = nextMessageFrom(iframe, (d) => (d as {odd?: unknown})?.odd !== undefined);
    sendToEmbed(iframe, {postToParent: {odd: [1, 'two']}});
    expect((await verbatim).data).to.deep.equal({odd: [1, 'two']});
  });
});

describe('signing endpoint (same origin as the test page)', () => {
  it('answers a POST with a URL on the embed origin whose page shows what was asked', async () => {
    const session = newSession();
    const response = await fetch(endpointUrl({session, height: 240}), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: {dashboard: 12}, params: {category: ['Gizmo']}}),
    });
    expect(response.status).to.equal(200);
    const answer = (await response.json()) as {url: string; token: string; expiresAt: number};
    expect(answer.url.startsWith(`${await embedPageOrigin()}/embed/dashboard/`)).to.equal(true);
    expect(answer.expiresAt).to.be.greaterThan(Date.now());

    const loaded = nextEmbedLoad();
    await showEmbed(answer.url);
    const {resource, tokenParams} = await loaded;
    expect({resource, tokenParams}).to.deep.equal({resource: {dashboard: 12}, tokenParams: {category: ['Gizmo']}});
    expect((await requestLog(session)).map(({resource, params}) => ({resource, params}))).to.deep.equal([
      {resource: {dashboard: 12}, params: {category: ['Gizmo']}},
    ]);
  });

  it('keeps a separate request log per session', async () => {
    const [one, two] = [newSession(), newSession()];
    const ask = (session: string) =>
      fetch(endpointUrl({session}), {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: '{"resource":{"question":4}}',
      });
    await Promise.all([ask(one), ask(one), ask(two)]);
    expect(await requestLog(one)).to.have.length(2);
    expect(await requestLog(two)).to.have.length(1);
  });
});
