// End to end: the demo's own pages, as `npm start` serves them (opened in a same-origin
// popup window through the test proxy), with the element they load themselves: the ESM
// build through the import map, or the script-tag bundle.
import {expect, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  claimsOf,
  demoStack,
  openDemoPage,
  signIn,
  tokenInUrl,
  tokenRequests,
  visibleIframe,
  type DemoStack,
} from './demo-stack.js';

let page: Window | undefined;

const openPage = async (stack: DemoStack, path: string) => (page = await openDemoPage(stack, path)).document;

async function readyEmbed(doc: Document, selector = 'metabase-embed'): Promise<MetabaseEmbedElement> {
  const embed = doc.querySelector<MetabaseEmbedElement>(selector)!;
  await waitUntil(() => embed.state === 'ready', `${selector} never became ready`, {timeout: 20_000});
  return embed;
}

/** Waits until the embed shows a token other than `previous`, and returns its claims. */
async function nextShownClaims(embed: MetabaseEmbedElement, previous: string) {
  await waitUntil(
    () => embed.state === 'ready' && tokenInUrl(visibleIframe(embed).src) !== previous,
    'no new token shown',
    {
      timeout: 20_000,
    },
  );
  return claimsOf(tokenInUrl(visibleIframe(embed).src));
}

function change(field: HTMLInputElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('change', {bubbles: true}));
}

describe('e2e: the demo pages', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await demoStack('pages');
  });

  beforeEach(async () => {
    await signIn(stack, 'ada');
  });

  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('dashboard: the select and the date range set param-* attributes, which the token carries', async () => {
    const doc = await openPage(stack, '');
    const embed = await readyEmbed(doc, 'metabase-embed#dashboard');
    const initial = tokenInUrl(visibleIframe(embed).src);
    expect(claimsOf(initial).params).to.deep.equal({tenant: 'Acme'});
    expect(embed.getAttribute('hide-parameters')).to.equal('category,created_at');

    change(doc.querySelector('select[data-slug="category"]')!, 'Gizmo');
    expect(embed.getAttribute('param-category')).to.equal('Gizmo');
    const withCategory = await nextShownClaims(embed, initial);
    expect(withCategory.params).to.deep.equal({category: 'Gizmo', tenant: 'Acme'});

    change(doc.querySelector('input[name="from"]')!, '2024-01-01');
    expect(embed.getAttribute('param-created_at')).to.equal('2024-01-01~');
    change(doc.querySelector('input[name="to"]')!, '2024-03-31');
    expect(embed.getAttribute('param-created_at')).to.equal('2024-01-01~2024-03-31');
    const withDates = await nextShownClaims(embed, tokenInUrl(visibleIframe(embed).src));
    expect(withDates.params).to.deep.equal({category: 'Gizmo', created_at: '2024-01-01~2024-03-31', tenant: 'Acme'});

    change(doc.querySelector('select[data-slug="category"]')!, '');
    expect(embed.hasAttribute('param-category')).to.equal(false);
  });

  it('dashboard: the theme switch changes the hash only, and the event log shows what happened', async () => {
    const doc = await openPage(stack, '');
    const embed = await readyEmbed(doc, 'metabase-embed#dashboard');
    const token = tokenInUrl(visibleIframe(embed).src);
    const requests = (await tokenRequests(stack)).length;

    const night = doc.querySelector<HTMLInputElement>('input[name="theme"][value="night"]')!;
    night.click();
    expect(embed.getAttribute('theme')).to.equal('night');
    expect(doc.querySelector<HTMLElement>('.embed-stage')!.dataset.theme).to.equal('night');
    const shownTheme = () => new URLSearchParams(new URL(visibleIframe(embed).src).hash.slice(1)).get('theme');
    // A new frame, swapped in once it has painted a few frames: more than waitUntil's default
    // second on a loaded machine.
    await waitUntil(
      () => embed.state === 'ready' && shownTheme() === 'night',
      'the embed never showed the night theme',
      {timeout: 10_000},
    );

    expect(tokenInUrl(visibleIframe(embed).src)).to.equal(token);
    expect(await tokenRequests(stack)).to.have.length(requests);
    const logged = [...doc.querySelectorAll('[data-event-log] .event-name')].map((name) => name.textContent);
    expect(logged).to.include.members(['token', 'load', 'resize']);
    expect(doc.querySelector('[data-event-log]')!.textContent).not.to.contain(token);
    expect(doc.querySelector('[data-embed-status]')!.textContent).to.match(/^dashboard: ready · token expires /);
  });

  it('dashboard: the language switch sets the locale attribute, a hash change with the same token', async () => {
    const doc = await openPage(stack, '');
    const embed = await readyEmbed(doc, 'metabase-embed#dashboard');
    const token = tokenInUrl(visibleIframe(embed).src);
    const requests = (await tokenRequests(stack)).length;
    const shownLocale = () => new URLSearchParams(new URL(visibleIframe(embed).src).hash.slice(1)).get('locale');
    const language = doc.querySelector<HTMLSelectElement>('select[name="locale"]')!;
    expect([...language.options].map((option) => option.value)).to.deep.equal(['', 'de', 'fr', 'es', 'pt-BR']);

    change(language, 'pt-BR');
    expect(embed.getAttribute('locale')).to.equal('pt-BR');
    await waitUntil(() => embed.state === 'ready' && shownLocale() === 'pt-BR', 'the embed never showed pt-BR', {
      timeout: 10_000,
    });
    expect(tokenInUrl(visibleIframe(embed).src)).to.equal(token);
    expect(await tokenRequests(stack)).to.have.length(requests);
    change(language, '');
    expect(embed.hasAttribute('locale')).to.equal(false);
    // What the language looks like inside the embed: test/e2e/locale.test.ts.
    expect(doc.querySelector('.plan-note')!.textContent).to.match(/emulates a paid plan/);
  });

  it('dashboard: "signed in as" switches the session and the embed shows the new tenant', async () => {
    const doc = await openPage(stack, '');
    const embed = await readyEmbed(doc, 'metabase-embed#dashboard');
    const acme = tokenInUrl(visibleIframe(embed).src);

    change(doc.querySelector<HTMLSelectElement>('form.user-switch select')!, 'grace');

    expect((await nextShownClaims(embed, acme)).params).to.deep.equal({tenant: 'Globex'});
    expect(doc.querySelector('[data-tenant-name]')!.textContent).to.equal('Globex');
    const lastRequest = (await tokenRequests(stack)).at(-1);
    expect(lastRequest).to.deep.equal({kind: 'token', status: 200, user: 'Grace', tenant: 'Globex'});
  });

  it("question: one tag with the question's entity id", async () => {
    const doc = await openPage(stack, 'question');
    const embed = await readyEmbed(doc, 'metabase-embed#question');
    const {resource} = stack.content.question!;

    expect(embed.getAttribute('question')).to.equal((resource as {question: string}).question);
    expect(claimsOf(tokenInUrl(visibleIframe(embed).src)).resource).to.deep.equal(resource);
    expect(new URL(visibleIframe(embed).src).origin).to.equal(stack.emulatorOrigin);
  });

  it('script tag: only the classic bundle, no import map or module, and the embed works', async () => {
    const doc = await openPage(stack, 'script-tag');
    const scripts = [...doc.querySelectorAll('script')];

    expect(scripts.map((script) => [script.type, script.getAttribute('src')])).to.deep.equal([
      ['', 'dist/cdn/metabase-embed.iife.js'],
    ]);
    const embed = await readyEmbed(doc);
    expect(claimsOf(tokenInUrl(visibleIframe(embed).src)).params).to.deep.equal({tenant: 'Acme'});
    expect(page!.customElements.get('metabase-embed')).to.be.a('function');
  });

  it('lazy: only embeds near the viewport ask for a token; jumping to the end skips the middle', async () => {
    const requestsBefore = (await tokenRequests(stack)).length;
    const doc = await openPage(stack, 'lazy');
    const embeds = [...doc.querySelectorAll<MetabaseEmbedElement>('metabase-embed')];
    expect(embeds).to.have.length(12);
    expect(embeds.every((embed) => embed.getAttribute('loading') === 'lazy')).to.equal(true);
    const started = () => embeds.filter((embed) => embed.state !== 'idle');
    await waitUntil(
      () => started().length > 0 && started().every((embed) => embed.state === 'ready'),
      'the first embeds never loaded',
      {
        timeout: 20_000,
      },
    );
    const nearTop = started().length;
    expect(nearTop).to.be.below(12);

    // Stay at the end while the embeds there load: one that grows as it loads would otherwise
    // push the last one out of view before it starts.
    const atEnd = () => page!.scrollTo(0, doc.documentElement.scrollHeight);
    atEnd();
    await waitUntil(
      () => (atEnd(), embeds.at(-1)!.state === 'ready' && started().every((embed) => embed.state === 'ready')),
      'the last embeds never loaded',
      {timeout: 20_000},
    );

    const skipped = embeds.filter((embed) => embed.state === 'idle');
    expect(skipped.length).to.be.above(0);
    expect(doc.querySelector('[data-lazy-count]')!.textContent).to.equal(String(12 - skipped.length));
    expect((await tokenRequests(stack)).length - requestsBefore).to.equal(12 - skipped.length);
  });
});
