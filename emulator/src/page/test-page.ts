// The emulator's test page (the `testPage` option): what an embed page of any resource looks
// like to the element's own tests, steered by the token's `test` claim instead of showing
// content. It shows what it was given, runs iframe-resizer's child script, and obeys
// `{metabaseEmbedTest: command}` messages from its parent (the list: test/support/embed-page.ts).
// The token is decoded, never checked: the page shows no data, only the token's own claims.
import {createHash} from 'node:crypto';
import {decodeJwt} from 'jose';

/** The `test` claim: how a token steers the page (Metabase ignores claims it does not know). */
export interface TestPageClaim {
  /** Content height in px; default 300. */
  height?: number | undefined;
  /** false: no iframe-resizer child script; 'max': the child with Metabase's settings. */
  resizer?: false | 'max' | undefined;
  /** The page answers after this many ms. */
  delayMs?: number | undefined;
}

/** What the page is built from: the resource kind, the decoded token, the query. */
interface TestPageFacts {
  kind: 'dashboard' | 'question';
  resource: unknown;
  tokenParams: unknown;
  queryParams: Record<string, string | string[]>;
  /** Height in px of the content block (the token's `test.height`). */
  height: number;
  /** Whether the page loads iframe-resizer's child script; 'max': with Metabase's settings (as client/frame.ts). */
  resizer: boolean | 'max';
}

const childScriptPath = '/app/embed/iframeResizer.contentWindow.js';

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

// What Metabase's embed page gives iframe-resizer's child (as client/frame.ts):
// with "max", a smaller content height is only seen through iframe-resizer's reset path.
const metabaseChildSettings = `window.iFrameResizer = {autoResize: true, heightCalculationMethod: 'max'};`;

function renderTestPage(facts: TestPageFacts): string {
  const metabaseSettings = facts.resizer === 'max' ? `<script>${metabaseChildSettings}</script>` : '';
  const resizerScript = facts.resizer ? `${metabaseSettings}<script src="${childScriptPath}"></script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Test page: ${facts.kind}</title>
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

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The test page's own Content-Security-Policy: the emulator's, plus its two inline scripts by hash. */
export const TEST_PAGE_CSP = [
  "default-src 'none'",
  `script-src 'self' ${sha256(pageScript)} ${sha256(metabaseChildSettings)}`,
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

export interface TestPageAnswer {
  status: number;
  contentType: string;
  body: string;
  /** Answer only after this many ms (the token's `test.delayMs`). */
  delayMs: number;
}

function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

const positiveNumber = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;

/** The test page for `/embed/<kind>/<token>?<search>`. Pure: the caller waits and sends. */
export function testPage(kind: 'dashboard' | 'question', token: string, search: URLSearchParams): TestPageAnswer {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    // Metabase answers a malformed token with this text and status.
    const body = 'Message seems corrupt or manipulated';
    return {status: 400, contentType: 'text/plain; charset=utf-8', body, delayMs: 0};
  }
  // Untrusted: every value is checked before use.
  const test = (typeof claims.test === 'object' && claims.test !== null ? claims.test : {}) as {
    [K in keyof TestPageClaim]?: unknown;
  };
  const body = renderTestPage({
    kind,
    resource: claims.resource,
    tokenParams: claims.params,
    queryParams: queryRecord(search),
    height: positiveNumber(test.height, 300),
    resizer: test.resizer === false ? false : test.resizer === 'max' ? 'max' : true,
  });
  return {status: 200, contentType: 'text/html; charset=utf-8', body, delayMs: positiveNumber(test.delayMs, 0)};
}
