// Insert → loaded: from inserting the embed to its embed page's load, for <metabase-embed>
// (until metabase-embed-load) and two hand-written baselines on the same servers:
//   fetch + iframe  POST to the endpoint, then an iframe with the answer's URL
//   plain iframe    an iframe with a URL signed beforehand (no token round trip)
import {embedElement, nextEvent, signEndpoint} from './common.mjs';

const loaded = (iframe) => nextEvent(iframe, 'load');

const variants = {
  async 'metabase-embed'({session}) {
    const element = embedElement({endpoint: signEndpoint(session)});
    const done = nextEvent(element, 'metabase-embed-load');
    document.body.append(element);
    await done;
  },
  async 'fetch + iframe'({session}) {
    const response = await fetch(signEndpoint(session), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: {dashboard: 12}, params: {}}),
    });
    const iframe = document.createElement('iframe');
    iframe.src = (await response.json()).url;
    document.body.append(iframe);
    await loaded(iframe);
  },
  async 'plain iframe'({presignedUrl}) {
    const iframe = document.createElement('iframe');
    iframe.src = presignedUrl;
    document.body.append(iframe);
    await loaded(iframe);
  },
};

window.bench.insertToLoad = async ({variant, session}) => {
  // Signed before the clock starts, whichever variant uses it.
  const response = await fetch(signEndpoint(session), {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource: {dashboard: 12}, params: {}}),
  });
  const presignedUrl = (await response.json()).url;
  const started = performance.now();
  await variants[variant]({session, presignedUrl});
  return performance.now() - started;
};
