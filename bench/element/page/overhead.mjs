// Item 3: the element's own delay between two moments, next to hand-written code doing the
// same with the same servers:
//   token answer → iframe src set   (the endpoint's Resource Timing responseEnd → the iframe,
//                                    src set, enters the document)
//   content height → iframe height  (the embed page is told to change its height → the
//                                    iframe's style.height changes)
import {embedElement, nextEvent, signEndpoint, sleep, visibleFrame} from './common.mjs';

/** The moment an iframe with a src enters `root` (a shadow root or the body). */
function iframeAdded(root) {
  return new Promise((resolve) => {
    const observer = new MutationObserver((records) => {
      const at = performance.now();
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        const iframe = node instanceof HTMLIFrameElement ? node : node.querySelector?.('iframe');
        if (!iframe?.src) continue;
        observer.disconnect();
        return resolve({at, iframe});
      }
    });
    observer.observe(root, {childList: true, subtree: true});
  });
}

/** When the answer to the last request for `endpoint` had fully arrived. */
async function answerArrived(endpoint) {
  const url = new URL(endpoint, location.href).href;
  for (let attempt = 0; attempt < 100; attempt++) {
    const entry = performance.getEntriesByName(url).at(-1);
    if (entry) return entry.responseEnd;
    await sleep(10);
  }
  throw new Error(`no resource timing entry for ${url}`);
}

/** Hand-written embedding: fetch the URL, then a new iframe replaces the old one. */
async function fetchIntoIframe(endpoint, container) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource: {dashboard: 12}, params: {}}),
  });
  const {url} = await response.json();
  const iframe = document.createElement('iframe');
  iframe.src = url;
  container.replaceChildren(iframe);
  return iframe;
}

const loaded = (iframe) => new Promise((resolve) => iframe.addEventListener('load', resolve, {once: true}));

window.bench.tokenToSrc = async ({variant, session, samples}) => {
  performance.setResourceTimingBufferSize(10_000);
  const container = document.body.appendChild(document.createElement('div'));
  const delays = [];
  let element;
  if (variant === 'metabase-embed') {
    element = container.appendChild(embedElement({endpoint: signEndpoint(session, '&n=0')}));
    await nextEvent(element, 'metabase-embed-load');
  }
  for (let i = 1; i <= samples; i++) {
    const endpoint = signEndpoint(session, `&n=${i}`); // a new endpoint asks for a new token
    const added = iframeAdded(element ? element.shadowRoot : container);
    if (element) element.setAttribute('endpoint', endpoint);
    else void fetchIntoIframe(endpoint, container);
    const {at, iframe} = await added;
    delays.push(at - (await answerArrived(endpoint)));
    await loaded(iframe);
  }
  container.remove();
  return delays;
};

/** The moment `iframe`'s style.height changes from `from`. */
function heightChanged(iframe, from) {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (iframe.style.height === from) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(iframe, {attributes: true, attributeFilter: ['style']});
  });
}

async function heightSettled(iframe, expected) {
  for (let attempt = 0; attempt < 500 && iframe.style.height !== expected; attempt++) await sleep(10);
  if (iframe.style.height !== expected) throw new Error(`iframe height ${iframe.style.height}, expected ${expected}`);
}

window.bench.heightToIframe = async ({variant, session, samples, embedOrigin}) => {
  const container = document.body.appendChild(document.createElement('div'));
  let iframe;
  if (variant === 'metabase-embed') {
    const element = container.appendChild(embedElement({endpoint: signEndpoint(session)}));
    await nextEvent(element, 'metabase-embed-load');
    iframe = visibleFrame(element);
  } else {
    // iframe-resizer 4.3.2 on its own, as its README shows, pinned to the embed's origin.
    iframe = await fetchIntoIframe(signEndpoint(session), container);
    await loaded(iframe);
    window.iFrameResize({checkOrigin: [embedOrigin]}, iframe);
  }
  await heightSettled(iframe, '400px'); // the fake page's first height (signEndpoint's ?height=400)
  const delays = [];
  for (let i = 1; i <= samples; i++) {
    const height = 420 + i * 7;
    const changed = heightChanged(iframe, iframe.style.height);
    const started = performance.now();
    iframe.contentWindow.postMessage({metabaseEmbedTest: {setHeight: height}}, embedOrigin);
    delays.push((await changed) - started);
    await heightSettled(iframe, `${height}px`);
  }
  container.remove();
  return delays;
};
