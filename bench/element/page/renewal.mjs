// Item 4: milliseconds during which the visible embed is blank or shorter than its full
// height around a token renewal, with the emulator's page (Metabase's shell first, then the
// cards). Sampled every animation frame. A frame counts as blank from the moment its src
// changes until its load event (an upper bound: Chromium may keep painting the old page
// until the new one commits), and as short while it is more than 1 px below the height it
// had settled at before the renewal.
//   metabase-embed  waits for its own renewal (a 10 s token is renewed after 5 s, the slow
//                   emulator's 20 s one after 10 s); the page
//                   loads either the current element or the one before (bench/lib/before-bundle.ts)
//   static          a hand-written iframe with iframe-resizer: the new URL replaces its src
import {nextEvent, nextFrame, sleep, visibleFrame} from './common.mjs';

/** A second's worth of frames. */
const quietFramesToSettle = 60;
/** With slow cards the shell stays quiet while they arrive: wait for them all first. */
const slowCardsWaitMs = 4500;
/** Loads on a machine shared with other jobs can take seconds. */
const loadTimeoutMs = 30_000;

/** Keeps, for every iframe under `root`, the src its last load event was for. */
function trackLoads(root) {
  const loadedSrc = new WeakMap();
  const watch = (iframe) => iframe.addEventListener('load', () => loadedSrc.set(iframe, iframe.src));
  root.querySelectorAll('iframe').forEach(watch);
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((record) => [...record.addedNodes])) {
      if (node instanceof HTMLIFrameElement) watch(node);
      else node.querySelectorAll?.('iframe').forEach(watch);
    }
  });
  observer.observe(root, {childList: true, subtree: true});
  return {isLoaded: (iframe) => loadedSrc.get(iframe) === iframe.src, stop: () => observer.disconnect()};
}

const heightOf = (iframe) => iframe?.getBoundingClientRect().height ?? 0;

/** The visible iframe's height once it has not changed for a second's worth of frames. */
async function settledHeight(visible, frames) {
  let height = heightOf(visible());
  for (let quiet = 0; quiet < frames; quiet++) {
    await nextFrame();
    const now = heightOf(visible());
    if (now !== height) [height, quiet] = [now, 0];
  }
  return height;
}

/** Integrates, frame by frame, the time the visible embed is blank or short, until `done()`. */
async function badMilliseconds({visible, loads, fullHeight, done}) {
  const bad = {blank: 0, short: 0, lowest: fullHeight};
  let last = performance.now();
  let state = 'ok';
  while (!done()) {
    await nextFrame();
    const now = performance.now();
    if (state !== 'ok') bad[state] += now - last;
    const frame = visible();
    const height = heightOf(frame);
    bad.lowest = Math.min(bad.lowest, height);
    state = !frame || !loads.isLoaded(frame) ? 'blank' : height < fullHeight - 1 ? 'short' : 'ok';
    last = now;
  }
  return bad;
}

async function signedUrl() {
  const response = await fetch('/emulator-sign', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({resource: {dashboard: 1}, params: {}}),
  });
  return (await response.json()).url;
}

/** Resolves once `condition()` has held for `ms` (checked every animation frame). */
async function heldFor(condition, ms, timeoutMs = 15_000) {
  const started = performance.now();
  let since;
  while (performance.now() - started < timeoutMs) {
    await nextFrame();
    if (!condition()) since = undefined;
    else if ((since ??= performance.now()) <= performance.now() - ms) return;
  }
  throw new Error('the embed never got back to its full height');
}

window.bench.renewal = async ({variant, emulatorOrigin, endpoint = '/emulator-sign', slow = false}) => {
  const settleFrames = quietFramesToSettle;
  const cardsDrawn = () => (slow ? sleep(slowCardsWaitMs) : undefined);
  const container = document.body.appendChild(document.createElement('div'));
  container.style.width = '1000px';
  let finished = false;
  let result;
  if (variant === 'metabase-embed') {
    const element = document.createElement('metabase-embed');
    element.setAttribute('dashboard', '1');
    element.setAttribute('endpoint', endpoint);
    container.append(element); // Lit attaches the shadow root on connect; the first iframe comes later
    const loads = trackLoads(element.shadowRoot);
    await nextEvent(element, 'metabase-embed-load', loadTimeoutMs);
    await cardsDrawn();
    const visible = () => visibleFrame(element);
    const fullHeight = await settledHeight(visible, settleFrames);
    const renewed = nextEvent(element, 'metabase-embed-token', 20_000, (event) => event.detail.reason === 'renew')
      .then(() => nextEvent(element, 'metabase-embed-load', loadTimeoutMs))
      .then(() => heldFor(() => heightOf(visible()) >= fullHeight - 1, 1000))
      .finally(() => (finished = true));
    const bad = await badMilliseconds({visible, loads, fullHeight, done: () => finished});
    await renewed;
    loads.stop();
    result = {...bad, fullHeight};
  } else {
    const iframe = document.createElement('iframe');
    iframe.style.cssText = 'display:block;width:100%;border:0';
    const loads = trackLoads(container);
    iframe.src = await signedUrl();
    container.append(iframe);
    await new Promise((resolve) => iframe.addEventListener('load', resolve, {once: true}));
    window.iFrameResize({checkOrigin: [emulatorOrigin]}, iframe);
    const visible = () => iframe;
    const fullHeight = await settledHeight(visible, settleFrames);
    const renewed = signedUrl()
      .then((url) => (iframe.src = url))
      .then(() => heldFor(() => loads.isLoaded(iframe) && heightOf(iframe) >= fullHeight - 1, 1000))
      .finally(() => (finished = true));
    const bad = await badMilliseconds({visible, loads, fullHeight, done: () => finished});
    await renewed;
    loads.stop();
    result = {...bad, fullHeight};
  }
  container.remove();
  return result;
};
