// Page 3: a dozen embeds with loading="lazy": none asks for a token until it comes within
// 200 px of the viewport, so scrolling down loads them one row at a time.
import {html} from '../html.js';
import {importMap, layout, type PageContext} from './layout.js';
import {embedTag, moduleScripts} from './embed-tag.js';

export const LAZY_EMBED_COUNT = 12;

export function lazyPage(context: PageContext): string {
  const {lazy} = context.content;
  const cards = Array.from({length: LAZY_EMBED_COUNT}, (_, index) => {
    const item = lazy[index % lazy.length]!; // index % length is always in range
    return html`<article class="lazy-card" data-lazy-card>
      <h2>${index + 1}. ${item.title}</h2>
      <p class="lazy-state" data-lazy-state>Waiting for the viewport</p>
      ${embedTag(item.resource, {endpoint: context.endpoint, title: `${item.title} (${index + 1})`, loading: 'lazy'})}
    </article>`;
  });
  const body = html`<section class="page-main">
    <h1>A dozen lazy embeds</h1>
    <p class="lead">Every embed below has <code>loading="lazy"</code>: it asks for a token only when it
      comes within 200 px of the viewport. Scroll down and watch the counter.</p>
    <p class="lazy-counter" aria-live="polite"><strong data-lazy-count>0</strong> of ${LAZY_EMBED_COUNT}
      embeds have a token so far.</p>
    <div class="lazy-grid">${cards}</div>
  </section>`;
  return layout(context, {
    path: '/lazy',
    title: 'A dozen lazy embeds',
    head: html`${importMap()}${moduleScripts('lazy-page')}`,
    body,
  });
}
