// The HTML of the fake Metabase embed page (served by embed-page-server.ts). Pure: facts in,
// markup out. The page shows what it was given, runs iframe-resizer's child script, and obeys
// `{metabaseEmbedTest: command}` messages from its parent (see test/support/embed-page.ts for the list).

/** What the server learned from the request: the resource kind, the decoded token, the query. */
export interface EmbedPageFacts {
  kind: 'dashboard' | 'question';
  resource: unknown;
  tokenParams: unknown;
  queryParams: Record<string, string | string[]>;
  /** Height in px of the content block (the token's `test.height`). */
  height: number;
  /**
   * Whether the page loads iframe-resizer's child script (the token's `test.resizer`); 'max':
   * with the settings Metabase's embed page gives it (as emulator/src/page/client/frame.ts).
   */
  resizer: boolean | 'max';
}

export const childScriptPath = '/iframeResizer.contentWindow.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// JSON inside <script> must not be able to close the element.
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const show = (value: unknown) => escapeHtml(JSON.stringify(value ?? null));

// Runs in the embed page. Messages count only when they come from the parent window; what the
// page posts goes to "*", as Metabase does.
const pageScript = `
const facts = JSON.parse(document.getElementById('embed-facts').textContent);
const content = document.getElementById('content');
document.getElementById('hash').textContent = location.hash;
const post = (data) => parent.postMessage(data, '*');
const locationSnapshot = () => {
  const {href, origin, pathname, search, hash} = location;
  return {href, origin, pathname, search, hash};
};
addEventListener('message', (event) => {
  if (event.source !== parent) return;
  const command = event.data && event.data.metabaseEmbedTest;
  if (!command || typeof command !== 'object') return;
  if ('setHeight' in command) content.style.height = Number(command.setHeight) + 'px';
  if ('postLocation' in command) {
    history.replaceState(history.state, '', location.pathname + command.postLocation.search + location.hash);
    post({metabase: {type: 'location', location: locationSnapshot()}});
  }
  if ('postFrame' in command) {
    const {height, mode = 'normal'} = command.postFrame;
    post({metabase: {type: 'frame', frame: {mode, height}}});
  }
  if ('postToParent' in command) post(command.postToParent);
});
addEventListener('load', () => {
  const {resource, tokenParams, queryParams} = facts;
  post({metabaseEmbedTest: {loaded: {href: location.href, resource, tokenParams, queryParams, hash: location.hash}}});
});
`;

// What Metabase's embed page gives iframe-resizer's child (as emulator/src/page/client/frame.ts):
// with "max", a smaller content height is only seen through iframe-resizer's reset path.
const metabaseChildSettings = `window.iFrameResizer = {autoResize: true, heightCalculationMethod: 'max'};`;

export function renderEmbedPage(facts: EmbedPageFacts): string {
  const metabaseSettings = facts.resizer === 'max' ? `<script>${metabaseChildSettings}</script>` : '';
  const resizerScript = facts.resizer ? `${metabaseSettings}<script src="${childScriptPath}"></script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fake Metabase ${facts.kind}</title>
<style>
  html, body { margin: 0; padding: 0; }
  #content { height: ${facts.height}px; overflow: hidden; background: #eef3fb; font: 12px monospace; }
  dl { margin: 0; padding: 4px; }
</style>
</head>
<body>
<main id="content">
  <dl>
    <dt>resource</dt><dd id="resource">${show(facts.resource)}</dd>
    <dt>token params</dt><dd id="token-params">${show(facts.tokenParams)}</dd>
    <dt>query params</dt><dd id="query-params">${show(facts.queryParams)}</dd>
    <dt>hash</dt><dd id="hash"></dd>
  </dl>
</main>
<script type="application/json" id="embed-facts">${scriptSafeJson({
    resource: facts.resource,
    tokenParams: facts.tokenParams,
    queryParams: facts.queryParams,
  })}</script>
<script>${pageScript}</script>
${resizerScript}
</body>
</html>
`;
}
