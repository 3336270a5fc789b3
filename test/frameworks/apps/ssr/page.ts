// A server-rendered page: the server writes <metabase-embed> with the filter chosen in the
// URL (`?category=Gizmo`), its loading text and a picker; the element's script arrives
// later (`defer`) and upgrades the tag in place. Listeners the page adds before that stay.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
// demo/html.ts's escaping tag, named apart from Lit's `html` so that lit-analyzer, which checks
// test/, does not read these server templates as Lit's.
import {html as markup, Markup} from '../../../../demo/html.js';
import type {AppFiles} from '../host.js';

const SALES_DASHBOARD = 1; // "Sales overview" in the emulator's sample content
const CATEGORIES = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];
/** The element's classic script (the CDN bundle), served as /metabase-embed.js. */
const SCRIPT = fileURLToPath(new URL('../../../../dist/cdn/metabase-embed.iife.js', import.meta.url));

// Runs before the element's script has arrived: the listeners go on the plain, not yet
// upgraded element and keep working once it is a <metabase-embed>.
const PAGE_SCRIPT = new Markup(`
const embed = document.querySelector('metabase-embed');
const status = document.querySelector('[role=status]');
let loads = 0;
document.querySelector('select[name=category]').addEventListener('change', (event) => {
  const category = event.target.value;
  if (category) embed.setAttribute('param-category', category);
  else embed.removeAttribute('param-category');
  history.replaceState(null, '', category ? '?category=' + encodeURIComponent(category) : location.pathname);
});
embed.addEventListener('metabase-embed-load', () => (status.textContent = 'Dashboard loaded ' + ++loads + ' time(s)'));
embed.addEventListener('metabase-embed-error', (event) => (status.textContent = 'Error: ' + event.detail.message));
`);

export function ssrPage(category: string | undefined): string {
  const filter = category ? markup`param-category="${category}"` : '';
  const options = CATEGORIES.map(
    (name) => markup`<option${name === category ? markup` selected` : ''}>${name}</option>`,
  );
  return markup`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>metabase-embed, server-rendered</title>
    <script src="/metabase-embed.js" defer></script>
  </head>
  <body>
    <main>
      <label>Category <select name="category"><option value="">All</option>${options}</select></label>
      <metabase-embed dashboard="${SALES_DASHBOARD}" endpoint="/api/metabase/embed" theme="light" min-height="300" ${filter}>
        <p slot="loading">Loading the sales dashboard…</p>
      </metabase-embed>
      <p role="status">Waiting for the embed…</p>
    </main>
    <script>${PAGE_SCRIPT}</script>
  </body>
</html>
`.text;
}

/**
 * The server-rendered app: the page at `/`, the element's script at /metabase-embed.js
 * (`script`: another build of it, e.g. a development bundle; default the CDN's classic script).
 */
export const ssrApp =
  ({script = SCRIPT}: {script?: string} = {}): AppFiles =>
  async (url) => {
    if (url.pathname === '/') {
      const category = url.searchParams.get('category') ?? '';
      return {
        body: ssrPage(CATEGORIES.includes(category) ? category : undefined),
        contentType: 'text/html; charset=utf-8',
      };
    }
    if (url.pathname === '/metabase-embed.js')
      return {body: await readFile(script), contentType: 'text/javascript; charset=utf-8'};
    return undefined;
  };
