// Item 2: token requests made by 20 changes after the embed has loaded, counted by the
// endpoint's own log once requests have stopped; for typing, also the milliseconds from the
// last change to the embed showing the last value (its page's load report, from the frame
// the visitor sees).
import {embedElement, settledCount, signEndpoint, sleep, visibleFrame} from './common.mjs';

const changes = 20;

const scenarios = {
  /** 20 filter changes in one task (a framework re-rendering, a script setting several). */
  async burst(element) {
    for (let i = 0; i < changes; i++) element.setAttribute('param-category', `burst-${i}`);
  },
  /** 20 filter changes 10 ms apart (someone typing in a search box bound to the filter). */
  async typing(element) {
    for (let i = 0; i < changes; i++) {
      if (i === changes - 1) return lastValueShown(element, `typing-${i}`);
      element.setAttribute('param-category', `typing-${i}`);
      await sleep(10);
    }
  },
  /** 20 appearance changes 10 ms apart (theme and border toggles): none needs a new token. */
  async appearance(element) {
    for (let i = 0; i < changes; i++) {
      if (i % 2 === 0) element.setAttribute('theme', i % 4 === 0 ? 'night' : 'light');
      else element.setAttribute('bordered', String(i % 4 === 1));
      await sleep(10);
    }
  },
};

/** Sets the last value; resolves with the ms until a frame on screen has loaded it. */
async function lastValueShown(element, value) {
  const onScreen = (source) =>
    element.tagName === 'NAIVE-EMBED'
      ? source === element.iframe?.contentWindow
      : source === visibleFrame(element)?.contentWindow;
  const shown = new Promise((resolve) => {
    // A frame may load out of sight first and be swapped in later: check again at each load.
    let loadedFrom = null;
    const check = () => {
      if (loadedFrom && onScreen(loadedFrom)) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    window.addEventListener('message', (event) => {
      const loaded = event.data?.metabaseEmbedTest?.loaded;
      if (loaded?.tokenParams?.category === value) loadedFrom = event.source;
    });
    requestAnimationFrame(check);
  });
  element.setAttribute('param-category', value);
  const changedAt = performance.now();
  return (await shown) - changedAt;
}

window.bench.tokenRequests = async ({tag, scenario, session}) => {
  const element = embedElement({endpoint: signEndpoint(session), 'param-category': 'start'}, tag);
  document.body.append(element);
  const before = await settledCount(session, {atLeast: 1});
  const ms = await scenarios[scenario](element);
  const after = await settledCount(session);
  element.remove();
  return {requests: after - before, ms};
};
