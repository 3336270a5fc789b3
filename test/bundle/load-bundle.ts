// Loads the built CDN bundles the way CDN users do: a classic <script src> for
// dist/cdn/metabase-embed.iife.js, a <script type="module" src> for dist/cdn/metabase-embed.js;
// and the check both bundles must pass once loaded: a real embed, shown and sized.
// chai-a11y-axe makes expect() look thenable; these are plain assertions, as in *.test.ts files.
/* eslint-disable @typescript-eslint/no-floating-promises */
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedLoadDetail} from '../../src/embed/embed-types.js';
import {embedPageOrigin, endpointUrl, newSession, requestLog, sendToEmbed} from '../support/embed-page.js';

type PublicApi = typeof import('../../src/index.js');

declare global {
  interface Window {
    MetabaseEmbed?: PublicApi;
  }
}

export const bundleUrl = '/dist/cdn/metabase-embed.iife.js';
export const moduleBundleUrl = '/dist/cdn/metabase-embed.js';

/** Adds a script tag; resolves on load with the errors the script threw while running. */
export function loadScript(src: string, type: 'classic' | 'module' = 'classic'): Promise<ErrorEvent[]> {
  const errors: ErrorEvent[] = [];
  const onError = (event: ErrorEvent) => errors.push(event);
  window.addEventListener('error', onError);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    if (type === 'module') script.type = 'module';
    script.src = src;
    script.addEventListener('load', () => {
      window.removeEventListener('error', onError);
      resolve(errors);
    });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}

/**
 * A <metabase-embed> made with document.createElement (no project code imported) shows a
 * dashboard from the signing endpoint in its iframe and follows the content's height.
 */
export async function expectWorkingEmbed(): Promise<void> {
  const session = newSession();
  const element = document.createElement('metabase-embed');
  element.setAttribute('dashboard', '12');
  element.setAttribute('endpoint', endpointUrl({session, height: 420}));
  const loaded = oneEvent<CustomEvent<MetabaseEmbedLoadDetail>>(element, 'metabase-embed-load');
  document.body.append(element);
  try {
    const {detail} = await loaded;
    expect(detail.url.startsWith(`${await embedPageOrigin()}/embed/dashboard/`)).to.equal(true);
    const iframe = element.shadowRoot!.querySelector<HTMLIFrameElement>('iframe[part~="iframe"]')!;
    expect(iframe.src).to.equal(detail.url);
    await waitUntil(() => iframe.style.height === '420px', `height stayed "${iframe.style.height}"`, {timeout: 10_000});
    sendToEmbed(iframe, {setHeight: 640});
    await waitUntil(() => iframe.style.height === '640px', `height stayed "${iframe.style.height}"`, {timeout: 10_000});
    expect((await requestLog(session)).map(({resource}) => resource)).to.deep.equal([{dashboard: 12}]);
  } finally {
    element.remove();
  }
}
