// The Embed panel: what Metabase's sharing panel does, with the live <metabase-embed>
// beside the code for each server and page language, all made from the same choices.
// The form's filter rows, the live embed and the code's updates come from
// demo/client/embed-panel.ts; the first code shown is rendered here by the same generators.
import {html, scriptJson, type Markup} from '../html.js';
import {THEMES, type EmbedChoices} from '../client/embed-panel-choices.js';
import {PAGE_LANGUAGES, pageCode} from '../client/embed-panel-page-code.js';
import {SERVER_LANGUAGES, serverCode} from '../client/embed-panel-server-code.js';
import {moduleScripts} from './embed-tag.js';
import {PANEL_PREVIEW_ENDPOINT} from './embed-panel-endpoint.js';
import {initialChoices, panelItems, PANEL_ENDPOINT} from './embed-panel-items.js';
import {importMap, layout, type PageContext} from './layout.js';

/** What the page script needs: the items and their filters, and where to sign the preview. */
export interface PanelData {
  items: ReturnType<typeof panelItems>;
  endpoint: string;
  preview: string;
  sessionExample: string | number;
}

function codeTabs<T extends string>(
  group: 'server' | 'page',
  label: string,
  languages: ReadonlyArray<{id: T; label: string}>,
  code: (id: T) => string,
): Markup {
  const tabs = languages.map(
    ({id, label: name}, index) =>
      html`<button type="button" role="tab" id="tab-${group}-${id}" aria-controls="code-${group}-${id}" aria-selected="${index === 0 ? 'true' : 'false'}" data-tab="${id}">${name}</button>`,
  );
  const panes = languages.map(
    ({id}, index) =>
      html`<pre class="code" role="tabpanel" tabindex="0" id="code-${group}-${id}" aria-labelledby="tab-${group}-${id}" data-code="${group}:${id}" ${index === 0 ? '' : html`hidden`}><code>${code(id)}</code></pre>`,
  );
  return html`<section class="code-group" aria-label="${label}">
    <h2>${label}</h2>
    <div role="tablist" aria-label="${label}" data-tabs="${group}">${tabs}</div>
    ${panes}
  </section>`;
}

function choicesForm(context: PageContext, items: PanelData['items'], choices: EmbedChoices): Markup {
  const themes = THEMES.map(
    (theme) =>
      html`<label class="chip"><input type="radio" name="theme" value="${theme}" ${theme === choices.appearance.theme ? html`checked` : ''}> ${theme}</label>`,
  );
  const toggle = (name: 'bordered' | 'titled' | 'downloads', text: string) =>
    html`<label class="chip"><input type="checkbox" name="${name}" ${choices.appearance[name] ? html`checked` : ''}> ${text}</label>`;
  return html`<form class="panel-choices" data-panel-form>
    <label class="control">What to embed
      <select name="item">${items.map((item) => html`<option value="${item.key}">${item.title} (${item.key})</option>`)}</select>
    </label>
    <fieldset class="control" data-filters>
      <legend>Filters</legend>
      <p class="hint">Editable in the embed: the visitor's widget, with an optional initial value (in the URL).
        Set by the page: a <code>param-*</code> attribute the server signs. Locked by the server: only the server's code
        has the value (empty: no filter).</p>
      <div data-filter-rows></div>
      <p class="session-lock" data-session-lock>Locked from the session: <code data-session-slug></code> =
        <strong>${String(context.user.tenant.value)}</strong> (the signed-in user's tenant).</p>
    </fieldset>
    <fieldset class="control"><legend>Appearance</legend>
      <div class="chips">${themes}</div>
      <div class="chips">${toggle('bordered', 'bordered')}${toggle('titled', 'title')}${toggle('downloads', 'downloads')}</div>
    </fieldset>
    <label class="control">Token lifetime (seconds)
      <input type="number" name="expiresIn" min="60" max="86400" step="1" value="${String(choices.expiresIn)}" required>
    </label>
  </form>`;
}

export function embedPanelPage(context: PageContext): string {
  const items = panelItems(context.content);
  const [first] = items;
  if (!first) throw new Error('the Embed panel needs at least one item in the demo content');
  const choices = initialChoices(first, context.user);
  const data: PanelData = {
    items,
    endpoint: PANEL_ENDPOINT,
    preview: PANEL_PREVIEW_ENDPOINT.slice(1),
    sessionExample: context.user.tenant.value,
  };
  const body = html`<h1>Embed panel</h1>
    <p class="lead">Pick what to embed, who sets each filter, how it looks and how long a token lives. The embed
      below is live, signed by this app with exactly the policy the Node code shows; every code block is made from the
      same choices, and the lines a change touched are highlighted.</p>
    <div class="panel-grid">
      ${choicesForm(context, items, choices)}
      <div class="panel-output">
        <div class="embed-stage" data-theme="light" data-panel-stage></div>
        ${codeTabs('page', 'Page code', PAGE_LANGUAGES, (id) => pageCode(id, choices))}
        ${codeTabs('server', 'Server code', SERVER_LANGUAGES, (id) => serverCode(id, choices))}
      </div>
    </div>
    <script type="application/json" id="embed-panel-data">${scriptJson(data)}</script>`;
  return layout(context, {
    path: '/embed-panel',
    title: 'Embed panel',
    head: html`<link rel="stylesheet" href="assets/embed-panel.css">${importMap()}${moduleScripts('embed-panel')}`,
    body,
  });
}
