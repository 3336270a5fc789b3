// Item 5: 50 embeds on a long page (each 400 px tall, 200 px apart), loading="lazy" or eager:
// token requests once the page has settled, and again after scrolling to the end one
// viewport at a time, as a reader would.
import {embedElement, nextFrame, settledCount, signEndpoint, sleep} from './common.mjs';

const embeds = 50;

window.bench.manyEmbeds = async ({loading, session}) => {
  const container = document.body.appendChild(document.createElement('div'));
  for (let i = 0; i < embeds; i++) {
    const element = embedElement({endpoint: signEndpoint(session), loading, 'param-category': `embed-${i}`});
    element.style.cssText = 'margin-bottom:200px;--metabase-embed-height:400px';
    container.append(element);
  }
  const atLoad = await settledCount(session, {atLeast: 1, quietMs: 1000});
  while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
    window.scrollBy(0, window.innerHeight);
    await nextFrame();
    await sleep(50);
  }
  const afterScroll = await settledCount(session, {quietMs: 1000});
  container.remove();
  window.scrollTo(0, 0);
  return {atLoad, afterScroll};
};
