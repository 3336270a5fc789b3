// Helpers shared by the in-page benchmark modules (plain browser JavaScript).
window.bench ??= {};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The test signer's endpoint, logging every request under `session`. */
export const signEndpoint = (session, extra = '') => `/__test-endpoint/sign?height=400&session=${session}${extra}`;

export async function requestCount(session) {
  const response = await fetch(`/__test-endpoint/log?session=${encodeURIComponent(session)}`);
  return (await response.json()).length;
}

/** The request count once it has not moved for `quietMs` (and is at least `atLeast`). */
export async function settledCount(session, {quietMs = 600, atLeast = 0, timeoutMs = 20_000} = {}) {
  const started = performance.now();
  let count = await requestCount(session);
  let stableSince = performance.now();
  while (performance.now() - started < timeoutMs) {
    await sleep(100);
    const next = await requestCount(session);
    if (next !== count) [count, stableSince] = [next, performance.now()];
    else if (count >= atLeast && performance.now() - stableSince >= quietMs) return count;
  }
  throw new Error(`requests for ${session} never settled (last count ${count})`);
}

export function nextEvent(target, type, timeoutMs = 15_000, accept = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (event) => {
      if (!accept(event)) return;
      clearTimeout(timer);
      target.removeEventListener(type, listener);
      resolve(event);
    };
    target.addEventListener(type, listener);
  });
}

/** A <metabase-embed> (or `tag`, e.g. naive-embed) for dashboard 12, with `attributes`. */
export function embedElement(attributes, tag = 'metabase-embed') {
  const element = document.createElement(tag);
  element.setAttribute('dashboard', '12');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** The iframe the visitor sees (not one loading out of sight). */
export const visibleFrame = (element) => element.shadowRoot?.querySelector('.frame:not(.pending) iframe') ?? null;
