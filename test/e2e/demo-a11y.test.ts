// Accessibility of every demo page as `npm start` serves it: axe-core (contrast included) runs
// inside the page's own window, once its embeds have settled, and on the Embed panel once per
// code tab. The embeds' iframes are left out (`iframes: false`): they show the Metabase site
// (here the emulator) from another origin, which the host page can neither fix nor reach.
import {expect, waitUntil} from '@open-wc/testing';
import type {AxeResults, RunOptions} from 'axe-core';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {demoStack, openDemoPage, signIn, type DemoStack} from './demo-stack.js';

type AxeWindow = Window & {axe?: {run(context: Document, options: RunOptions): Promise<AxeResults>}};

// The page's Content-Security-Policy allows scripts from its own origin, which (behind the test
// proxy) is the test server's: axe-core loads from there as any other script of the page.
const AXE_URL = new URL('/node_modules/axe-core/axe.min.js', location.href).href;

/** The demo's pages (demo/pages/layout.ts), as its navigation links them. */
const PAGES = [
  {link: './', label: 'Dashboard'},
  {link: 'question', label: 'Question'},
  {link: 'lazy', label: 'A dozen lazy embeds'},
  {link: 'script-tag', label: 'Script tag only'},
  {link: 'embed-panel', label: 'Embed panel'},
];

const OPTIONS: RunOptions = {iframes: false, rules: {'color-contrast': {enabled: true}}};

async function loadAxe(page: AxeWindow) {
  if (page.axe) return page.axe;
  const script = page.document.createElement('script');
  script.src = AXE_URL;
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => reject(new Error(`${AXE_URL} did not load in the demo page`)));
  });
  page.document.head.append(script);
  await loaded;
  return page.axe!;
}

/** axe's violations, one line per failing element, so that a failure says what to fix. */
async function violations(page: AxeWindow): Promise<string[]> {
  const results = await (await loadAxe(page)).run(page.document, OPTIONS);
  // axe reports text the same colour as its background (1:1, unreadable) as "needs review",
  // not as a violation: count it as one.
  const sameColour = results.incomplete
    .filter((result) => result.id === 'color-contrast')
    .map((result) => ({
      ...result,
      nodes: result.nodes.filter((node) =>
        node.any.some((check) => (check.data as {messageKey?: string} | null)?.messageKey === 'equalRatio'),
      ),
    }));
  return [...results.violations, ...sameColour].flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} on ${node.target.join(' ')}: ${(node.failureSummary ?? node.any.map((check) => check.message).join(' ')).replace(/\s+/g, ' ')}`,
    ),
  );
}

/** Every embed that started has shown its dashboard or question (lazy ones may stay idle). */
async function embedsSettled(doc: Document) {
  const embeds = () => [...doc.querySelectorAll<MetabaseEmbedElement>('metabase-embed')];
  await waitUntil(
    () => embeds().some((embed) => embed.state === 'ready') && embeds().every((embed) => embed.state !== 'loading'),
    'the embeds never settled',
    {timeout: 20_000},
  );
  const failed = embeds().filter((embed) => embed.state === 'error');
  expect(failed.map((embed) => embed.id || embed.outerHTML)).to.deep.equal([]);
}

describe('e2e: the demo pages pass an axe check (contrast included)', () => {
  let stack: DemoStack;
  let page: AxeWindow | undefined;

  before(async () => {
    stack = await demoStack('a11y');
    await signIn(stack, 'ada');
  });

  afterEach(() => {
    page?.close();
    page = undefined;
  });

  for (const {link, label} of PAGES)
    it(`${label} (${link})`, async () => {
      page = await openDemoPage(stack, link === './' ? '' : link);
      const nav = [...page.document.querySelectorAll('nav a')].map((a) => ({
        link: a.getAttribute('href'),
        label: a.textContent,
      }));
      expect(nav, 'a page this test does not check').to.deep.equal(PAGES);
      await embedsSettled(page.document);
      expect(await violations(page)).to.deep.equal([]);
    });

  it('Embed panel: every code tab, with changed lines marked', async () => {
    page = await openDemoPage(stack, 'embed-panel');
    const doc = page.document;
    await embedsSettled(doc);
    // Any choice marks the lines it changed in the code blocks (a highlight to check too).
    doc.querySelector<HTMLInputElement>('.chip input[type="checkbox"]')!.click();
    await waitUntil(() => doc.querySelector('[data-changed]'), 'no changed line marked');
    await embedsSettled(doc);
    const tabs = [...doc.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((tab) => tab.textContent)).to.include.members(['HTML', 'Node.js', 'Clojure']);
    for (const tab of tabs) {
      tab.click();
      expect(doc.getElementById(tab.getAttribute('aria-controls')!)!.hidden).to.equal(false);
      expect({tab: tab.textContent, violations: await violations(page)}).to.deep.equal({
        tab: tab.textContent,
        violations: [],
      });
    }
  });
});
