// End to end: the demo's Embed panel (/embed-panel) in a popup window. Each choice changes
// the live embed (a new token with the chosen policy, or only its URL's hash) and the code
// blocks, with the lines it touched marked.
import {expect, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  claimsOf,
  demoStack,
  nextLoad,
  cardRows,
  openDemoPage,
  signIn,
  tokenInUrl,
  tokenRequests,
  visibleIframe,
  type Claims,
  type DemoStack,
} from './demo-stack.js';

describe('e2e: the Embed panel', () => {
  let stack: DemoStack;
  let page: Window;
  let doc: Document;
  let embed: MetabaseEmbedElement;

  before(async () => {
    stack = await demoStack('embed-panel');
    await signIn(stack, 'grace'); // tenant Globex
    page = await openDemoPage(stack, 'embed-panel');
    doc = page.document;
    await waitUntil(() => doc.querySelector<MetabaseEmbedElement>('metabase-embed')?.state === 'ready', 'no embed', {
      timeout: 20_000,
    });
    embed = doc.querySelector<MetabaseEmbedElement>('metabase-embed')!;
  });

  after(() => page?.close());

  const shownToken = () => tokenInUrl(visibleIframe(embed).src);
  const code = (block: string) => doc.querySelector<HTMLElement>(`[data-code="${block}"]`)!;
  const changed = (block: string) =>
    [...code(block).querySelectorAll('[data-changed]')].map((line) => line.textContent.trim());

  function choose(name: string, value: string) {
    const field = doc.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
    field.value = value;
    field.dispatchEvent(new Event('change', {bubbles: true}));
  }

  /** Makes a change and resolves with the claims of the token the embed then loads and shows. */
  async function signedAfter(change: () => void): Promise<Claims> {
    const loaded = nextLoad(embed);
    change();
    const token = tokenInUrl(await loaded);
    await waitUntil(() => embed.state === 'ready' && shownToken() === token, 'the new token is not shown', {
      timeout: 20_000,
    });
    return claimsOf(token);
  }

  it("starts with the dashboard, the session's tenant, 10-minute tokens, and code for every language", () => {
    const claims = claimsOf(shownToken());
    expect(claims.resource).to.deep.equal({dashboard: 1});
    expect(claims.params).to.deep.equal({tenant: 'Globex'});
    expect(claims.exp - claims.iat).to.equal(600);
    for (const block of ['page:html', 'page:erb', 'page:jsx', 'page:mustache', 'page:pug']) {
      expect(code(block).textContent).to.match(/dashboard="1"|dashboard="1"/);
    }
    expect(code('server:node').textContent).to.include('"dashboard:1": {');
    expect(code('server:python').textContent).to.include('RESOURCE = {"dashboard": 1}');
    expect(code('server:ruby').textContent).to.include("RESOURCE = { 'dashboard' => 1 }");
    expect(code('server:clojure').textContent).to.include('(def embeddable {"dashboard" 1})');
    expect(doc.querySelectorAll('[data-changed]')).to.have.length(0);
  });

  it('a filter set by the page: the allow-list, then the tag change, and the value is signed into a new token', async () => {
    // Only the policy changes (no value yet): the server code, and a fresh token signed with it.
    const reissued = await signedAfter(() => choose('mode:category', 'page'));
    expect(reissued.params).to.deep.equal({tenant: 'Globex'});
    expect(changed('server:node')).to.deep.equal(['editable: ["category"],']);
    expect(changed('server:python')).to.deep.equal(['EDITABLE = ["category"]  # filters the page may set']);
    expect(changed('page:html')).to.deep.equal([]);

    const gizmo = await signedAfter(() => choose('value:category', 'Gizmo'));
    expect(changed('page:html')).to.deep.equal(['param-category="Gizmo"']);
    expect(changed('page:pug')).to.deep.equal(['- const category = "Gizmo"', 'param-category=category']);
    expect(changed('server:node')).to.deep.equal([]);
    expect(gizmo.params).to.deep.equal({category: 'Gizmo', tenant: 'Globex'});
    // What the embed shows for that token: Gizmo's numbers only.
    const byCategory = await cardRows(stack, shownToken(), 'Revenue by category');
    expect(byCategory.map((row) => row[0])).to.deep.equal(['Gizmo']);
  });

  it('a value locked by the server: in the token and in each server code, not on the tag', async () => {
    const claims = await signedAfter(() => {
      choose('mode:created_at', 'server');
      choose('value:created_at', '2024-01-01~2024-03-31');
    });

    expect(claims.params).to.deep.equal({
      category: 'Gizmo',
      created_at: '2024-01-01~2024-03-31',
      tenant: 'Globex',
    });
    const months = await cardRows(stack, shownToken(), 'Orders per month');
    expect(months.map((row) => String(row[0]).slice(0, 7))).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    expect(changed('server:node')).to.deep.equal([
      'locked: (context) => ({tenant: context.user.tenant, created_at: "2024-01-01~2024-03-31"}),',
    ]);
    expect(code('page:html').textContent).not.to.include('created_at');
  });

  it('a theme only changes the URL hash and the tag: no token request, no server code change', async () => {
    const token = shownToken();
    const requests = (await tokenRequests(stack)).length;
    const loaded = new Promise((resolve) => embed.addEventListener('metabase-embed-load', resolve, {once: true}));
    doc.querySelector<HTMLInputElement>('input[name=theme][value=night]')!.click();
    await loaded; // the sentinel: the iframe has loaded the new URL

    expect(new URL(visibleIframe(embed).src).hash).to.include('theme=night');
    expect(shownToken()).to.equal(token);
    expect((await tokenRequests(stack)).length).to.equal(requests);
    expect(changed('page:html')).to.deep.equal(['theme="night"']);
    expect(changed('server:node')).to.deep.equal([]);
  });

  it("a lifetime is the next token's, in the embed and the code", async () => {
    const claims = await signedAfter(() => choose('expiresIn', '120'));
    expect(claims.exp - claims.iat).to.equal(120);
    expect(changed('server:node')).to.deep.equal(['expiresIn: 120,']);
    expect(changed('server:ruby')).to.deep.equal(['EXPIRES_IN = 120']);
  });

  it('another item: the question, with its own filters and code', async () => {
    const claims = await signedAfter(() => choose('item', 'question:MonthlyRevenueQ000301'));
    expect(claims.resource).to.deep.equal({question: 'MonthlyRevenueQ000301'});
    expect(claims.params).to.deep.equal({tenant: 'Globex'});
    expect([...doc.querySelectorAll<HTMLElement>('.filter-row')].map((row) => row.dataset.slug)).to.deep.equal([
      'category',
    ]);
    expect(code('page:html').textContent).to.include('question="MonthlyRevenueQ000301"');
    expect(embed.hasAttribute('dashboard')).to.equal(false);
  });
});
