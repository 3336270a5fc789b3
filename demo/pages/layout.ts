// The frame every demo page shares: head, navigation, the "signed in as" switch, footer.
import {createHash} from 'node:crypto';
import {html, Markup, scriptJson} from '../html.js';
import {BROWSER_PACKAGES} from '../static-files.js';
import type {DemoContent} from '../content.js';
import type {DemoUser} from '../session.js';

export interface PageContext {
  content: DemoContent;
  user: DemoUser;
  users: DemoUser[];
  /** Where the token endpoint is, relative to the page (pages live at the app's root). */
  endpoint: string;
  /** The demo embeds its own emulator, whose secret the footer's button can regenerate. */
  canRegenerateSecret?: boolean;
}

export const PAGES = [
  {path: '/', link: './', label: 'Dashboard'},
  {path: '/question', link: 'question', label: 'Question'},
  {path: '/lazy', link: 'lazy', label: 'A dozen lazy embeds'},
  {path: '/script-tag', link: 'script-tag', label: 'Script tag only'},
  {path: '/embed-panel', link: 'embed-panel', label: 'Embed panel'},
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

/**
 * The element's ESM build (dist/) imports lit and iframe-resizer by their package
 * names; this import map lets the browser resolve them to the files the demo serves, with
 * no bundling step. URLs are relative so the app works under any path prefix.
 */
export function importMapJson(): string {
  const imports: Record<string, string> = {'metabase-embed': './dist/index.js', 'metabase-embed/': './dist/'};
  const entryFiles: Record<string, string> = {
    lit: 'lit/index.js',
    'lit-html': 'lit-html/lit-html.js',
    'lit-element': 'lit-element/index.js',
    '@lit/reactive-element': '@lit/reactive-element/reactive-element.js',
  };
  for (const pkg of BROWSER_PACKAGES) {
    if (entryFiles[pkg]) imports[pkg] = `./node_modules/${entryFiles[pkg]}`;
    imports[`${pkg}/`] = `./node_modules/${pkg}/`;
  }
  return scriptJson({imports}).text;
}

export function importMap(): Markup {
  return html`<script type="importmap">${new Markup(importMapJson())}</script>`;
}

/**
 * The pages' Content-Security-Policy: scripts only from this app (plus the import map, by
 * its hash), frames only from the Metabase site, requests only to this app.
 */
export function contentSecurityPolicy(metabaseOrigin: string): string {
  const importMapHash = createHash('sha256').update(importMapJson()).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${importMapHash}'`,
    `frame-src ${metabaseOrigin}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Metabase's "Regenerate key", on the emulator: embeds on screen then need one new token each. */
function secretControl(current: PagePath): Markup {
  return html`<form class="secret-control" method="post" action="secret">
    <input type="hidden" name="return" value="${current}">
    <button type="submit">Regenerate the emulator's secret key</button>
    <span data-secret-status role="status"></span>
  </form>`;
}

/** Which Metabase plan the emulator emulates, and what that changes on screen. */
function planNote(plan: DemoContent['emulatorPlan']): Markup | string {
  if (plan === undefined) return '';
  return plan === 'pro'
    ? html`<p class="plan-note" data-plan="pro">The emulator emulates a <strong>paid plan</strong> (Pro or Enterprise):
    no "Powered by Metabase" banner, and <code>locale</code>, <code>font</code> and <code>downloads</code> apply.
    <code>npm start -- --plan oss</code> shows open-source Metabase instead.</p>`
    : html`<p class="plan-note" data-plan="oss">The emulator emulates <strong>open-source Metabase</strong>: a
    "Powered by Metabase" banner under each embed, and <code>locale</code>, <code>font</code> and <code>downloads</code>
    are ignored (the embed's console says so). <code>npm start</code> without <code>--plan oss</code> emulates a paid plan.</p>`;
}

function userSwitch(context: PageContext, current: PagePath): Markup {
  const options = context.users.map(
    (user) =>
      html`<option value="${user.id}"${user.id === context.user.id ? html` selected` : ''}>${user.name} · ${user.tenant.name}</option>`,
  );
  return html`<form class="user-switch" method="post" action="session">
    <input type="hidden" name="return" value="${current}">
    <label for="user">Signed in as</label>
    <select id="user" name="user">${options}</select>
    <button type="submit">Switch</button>
  </form>`;
}

export function layout(
  context: PageContext,
  page: {path: PagePath; title: string; head?: Markup; body: Markup},
): string {
  const nav = PAGES.map(
    (entry) =>
      html`<a href="${entry.link}"${entry.path === page.path ? html` aria-current="page"` : ''}>${entry.label}</a>`,
  );
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${page.title} · metabase-embed demo</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="assets/demo.css">
  ${page.head ?? ''}
</head>
<body>
  <header class="site-header">
    <a class="brand" href="./">metabase-embed <span>demo</span></a>
    <nav aria-label="Demo pages">${nav}</nav>
    ${userSwitch(context, page.path)}
  </header>
  <main>${page.body}</main>
  <footer class="site-footer">
    Embedded from ${context.content.source}. Tokens are signed by this host app for
    <strong data-user-name>${context.user.name}</strong>${
      context.content.tenantSlug
        ? html`, whose tenant <strong data-tenant-name>${context.user.tenant.name}</strong> is locked into every
    token (<code>${context.content.tenantSlug}</code>): the page cannot change it.`
        : html`; no parameter is locked (set <code>METABASE_TENANT_PARAM</code> to lock one).`
    }
    ${planNote(context.content.emulatorPlan)}
    ${context.canRegenerateSecret ? secretControl(page.path) : ''}
  </footer>
</body>
</html>`.text
  }\n`;
}
