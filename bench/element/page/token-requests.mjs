// Item 2: token requests made by 20 changes after the embed has loaded, counted by the
// endpoint's own log once requests have stopped.
import {embedElement, settledCount, signEndpoint, sleep} from './common.mjs';

const changes = 20;

const scenarios = {
  /** 20 filter changes in one task (a framework re-rendering, a script setting several). */
  async burst(element) {
    for (let i = 0; i < changes; i++) element.setAttribute('param-category', `burst-${i}`);
  },
  /** 20 filter changes 10 ms apart (someone typing in a search box bound to the filter). */
  async typing(element) {
    for (let i = 0; i < changes; i++) {
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

window.bench.tokenRequests = async ({tag, scenario, session}) => {
  const element = embedElement({endpoint: signEndpoint(session), 'param-category': 'start'}, tag);
  document.body.append(element);
  const before = await settledCount(session, {atLeast: 1});
  await scenarios[scenario](element);
  const after = await settledCount(session);
  element.remove();
  return after - before;
};
