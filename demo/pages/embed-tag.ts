// The <metabase-embed> markup the pages share.
import {html, type Markup} from '../html.js';
import {resourceId, type EmbedResource} from '../content.js';

export function embedTag(
  resource: EmbedResource,
  attributes: {endpoint: string} & Record<string, string | undefined>,
): Markup {
  const type = 'dashboard' in resource ? 'dashboard' : 'question';
  const rest = Object.entries(attributes)
    .filter(([name, value]) => name !== 'endpoint' && value !== undefined)
    .map(([name, value]) => html` ${name}="${value}"`);
  return html`<metabase-embed ${type}="${resourceId(resource)}" endpoint="${attributes.endpoint}"${rest}></metabase-embed>`;
}

/** The event log and status line that demo/client/event-log.ts fills in. */
export function eventLog(): Markup {
  return html`<aside class="event-log" aria-labelledby="event-log-title">
    <h2 id="event-log-title">Element events</h2>
    <p class="embed-status" data-embed-status>Waiting for the element…</p>
    <div class="event-list" role="log" aria-labelledby="event-log-title"><ol data-event-log></ol></div>
  </aside>`;
}

/** What a page written with modules loads: the element's ESM build and the page's own script. */
export function moduleScripts(pageScript: string): Markup {
  return html`<script type="module" src="dist/index.js"></script>
  <script type="module" src="assets/${pageScript}.js"></script>`;
}
