// Page 4: only the built script-tag bundle, plain HTML: no import map, no modules, no build
// step. This is what a site without a JavaScript toolchain pastes.
import {html} from '../html.js';
import {layout, type PageContext} from './layout.js';
import {embedTag} from './embed-tag.js';
import {resourceId} from '../content.js';

export function scriptTagPage(context: PageContext): string {
  const {dashboard} = context.content;
  const body = html`<section class="page-main">
    <h1>Script tag only</h1>
    <p class="lead">This page loads one classic script, <code>dist/cdn/metabase-embed.iife.js</code>
      (the file a CDN serves), and uses the element in plain HTML:</p>
    <pre class="snippet"><code>&lt;script src="dist/cdn/metabase-embed.iife.js"&gt;&lt;/script&gt;
&lt;metabase-embed dashboard="${resourceId(dashboard.resource)}" endpoint="${context.endpoint}"&gt;&lt;/metabase-embed&gt;</code></pre>
    <div class="embed-stage" data-theme="light">
      ${embedTag(dashboard.resource, {endpoint: context.endpoint, id: 'dashboard', title: dashboard.title})}
    </div>
  </section>`;
  return layout(context, {
    path: '/script-tag',
    title: 'Script tag only',
    head: html`<script src="dist/cdn/metabase-embed.iife.js"></script>`,
    body,
  });
}
