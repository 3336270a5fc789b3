// Item 6: connect/disconnect cycles: each cycle inserts a new embed, waits until it has
// loaded, and removes it. The heap and DOM counts are read from Node over CDP, after forced
// collections.
//   metabase-embed  a new <metabase-embed> (token, iframe, its iframe-resizer)
//   by hand         fetch the URL, an iframe in a wrapper, iFrameResize on it, then remove the
//                   iframe from the wrapper (iframe-resizer 4.3.2 watches the iframe's parent
//                   and cleans up when the iframe leaves it) and the wrapper
import {embedElement, nextEvent, signEndpoint} from './common.mjs';

async function elementCycle(session) {
  const element = embedElement({endpoint: signEndpoint(session)});
  const loaded = nextEvent(element, 'metabase-embed-load');
  document.body.append(element);
  await loaded;
  element.remove();
}

async function byHandCycle(session, embedOrigin) {
  const response = await fetch(signEndpoint(session), {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource: {dashboard: 12}, params: {}}),
  });
  const wrapper = document.body.appendChild(document.createElement('div'));
  const iframe = document.createElement('iframe');
  iframe.src = (await response.json()).url;
  const loaded = nextEvent(iframe, 'load');
  wrapper.append(iframe);
  await loaded;
  window.iFrameResize({checkOrigin: [embedOrigin]}, iframe);
  iframe.remove();
  wrapper.remove();
}

window.bench.connectCycles = async ({variant, count, session, embedOrigin}) => {
  for (let i = 0; i < count; i++) {
    if (variant === 'metabase-embed') await elementCycle(session);
    else await byHandCycle(session, embedOrigin);
  }
  return count;
};
