// Shared helpers for the element's browser tests.
import {fixture, html, oneEvent} from '@open-wc/testing';
import type {TemplateResult} from 'lit';
import '../../src/define.js';
import type {FetchToken, MetabaseEmbedErrorDetail, MetabaseEmbedEventMap} from '../../src/embed/embed-types.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import type {EmbedLoaded} from '../support/embed-page.js';

// Captured before any test fakes the clock: polling must keep real time.
const realSetTimeout = window.setTimeout.bind(window);

/** Resolves once `predicate` holds (checked every 10 ms of real time), or fails after `ms`. */
export async function until(predicate: () => boolean, message: string, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting until ${message}`);
    await new Promise((resolve) => realSetTimeout(resolve, 10));
  }
}

export async function renderEmbed(template: TemplateResult): Promise<MetabaseEmbedElement> {
  return fixture<MetabaseEmbedElement>(template);
}

export interface EmbedOptions {
  /** Attributes set before the element is connected; `dashboard="1"` unless given. */
  attributes?: Record<string, string>;
  fetchToken?: FetchToken;
  /** Where it goes; default a fresh fixture. */
  parent?: Node;
}

/**
 * A `<metabase-embed>` built by hand and connected, with its error and resize events recorded
 * from the start (before its first request).
 */
export async function embedWith({attributes = {}, fetchToken, parent}: EmbedOptions = {}) {
  const el = document.createElement('metabase-embed');
  for (const [name, value] of Object.entries({dashboard: '1', ...attributes})) el.setAttribute(name, value);
  if (fetchToken) el.fetchToken = fetchToken;
  const errorEvents = recordEvents(el, 'metabase-embed-error');
  const resizeEvents = recordEvents(el, 'metabase-embed-resize');
  (parent ?? (await renderEmbed(html`<div></div>`))).appendChild(el);
  return {
    el,
    errors: () => errorEvents.map(({detail}) => detail as MetabaseEmbedErrorDetail),
    heights: () => resizeEvents.map(({detail}) => (detail as {height: number}).height),
  };
}

/** The default error box's text as drawn (message, then button), or null while it is hidden. */
export function shownError(el: MetabaseEmbedElement): string | null {
  const box = el.shadowRoot!.querySelector<HTMLElement>('[part="error"]')!;
  return box.hidden ? null : box.innerText.replace(/\s+/g, ' ').trim();
}

/** The next event of this type from the element. */
export function nextEvent<K extends keyof MetabaseEmbedEventMap>(
  el: Element,
  type: K,
): Promise<MetabaseEmbedEventMap[K]> {
  return oneEvent<MetabaseEmbedEventMap[K]>(el, type);
}

/** Records every event of these types. */
export function recordEvents(
  el: Element,
  ...types: Array<keyof MetabaseEmbedEventMap>
): Array<{type: string; detail: unknown}> {
  const seen: Array<{type: string; detail: unknown}> = [];
  for (const type of types)
    el.addEventListener(type, (event) => seen.push({type, detail: (event as CustomEvent).detail}));
  return seen;
}

/** All iframes in the element's shadow root. */
export function iframesOf(el: MetabaseEmbedElement): HTMLIFrameElement[] {
  return [...(el.shadowRoot?.querySelectorAll('iframe') ?? [])];
}

/** The iframe on screen (not the one loading out of sight), if any. */
export function visibleIframe(el: MetabaseEmbedElement): HTMLIFrameElement | undefined {
  return iframesOf(el).find((iframe) => !iframe.parentElement?.classList.contains('pending'));
}

/** The shown iframe once `metabase-embed-load` has fired for it. */
export async function loadedIframe(el: MetabaseEmbedElement): Promise<HTMLIFrameElement> {
  if (el.state !== 'ready') await nextEvent(el, 'metabase-embed-load');
  const iframe = visibleIframe(el);
  if (!iframe) throw new Error('no visible iframe after metabase-embed-load');
  return iframe;
}

// What each embed page reported on load, by its window: recorded from the start, so a report
// that arrives before or after the iframe's load event is never missed nor mixed up.
const pageReports = new WeakMap<object, EmbedLoaded>();
window.addEventListener('message', (event) => {
  const loaded = (event.data as {metabaseEmbedTest?: {loaded?: EmbedLoaded}} | null)?.metabaseEmbedTest?.loaded;
  if (loaded && event.source) pageReports.set(event.source, loaded);
});

/** What the embed page in this iframe saw: resource, token params, query params, hash. */
export async function pageIn(iframe: HTMLIFrameElement): Promise<EmbedLoaded> {
  await until(
    () => iframe.contentWindow !== null && pageReports.has(iframe.contentWindow),
    'the embed page reports its load',
  );
  return pageReports.get(iframe.contentWindow!)!;
}

/** What the page on screen saw, after the next `metabase-embed-load`. */
export async function nextPage(el: MetabaseEmbedElement): Promise<EmbedLoaded> {
  await nextEvent(el, 'metabase-embed-load');
  return pageIn(visibleIframe(el)!);
}

/** Yields one task (not a timer: fake clocks leave it alone), so pending promise work settles. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** A real signed answer from the test endpoint, for fetchToken functions. */
export async function signedAnswer(
  body: {resource: unknown; params: unknown},
  knobs: Record<string, string | number> = {},
): Promise<{url: string}> {
  const query = new URLSearchParams(Object.entries(knobs).map(([name, value]) => [name, String(value)]));
  const response = await fetch(`/__test-endpoint/sign?shape=url&${query}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  return (await response.json()) as {url: string};
}
