// End to end: the element's `locale` attribute through the demo's stack (its emulator
// emulates a paid plan, where `locale` applies): the cross-origin embed shows its own words
// and its money in that language, with the same kind of token and no extra token request.
import {expect, fixture, html} from '@open-wc/testing';
import {nothing} from 'lit';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {demoStack, embedView, nextLoad, signIn, tokenInUrl, tokenRequests, type DemoStack} from './demo-stack.js';

describe('e2e: locale', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await demoStack('locale');
    await signIn(stack, 'ada');
  });

  /** What the embed shows with this `locale` attribute (none: absent), and its URL's hash. */
  async function shown(locale: string | undefined) {
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint} locale=${locale ?? nothing}></metabase-embed>`,
    );
    const url = new URL(await nextLoad(el));
    const view = await embedView(tokenInUrl(url.href));
    el.remove(); // the next embed's token may be the same text: one frame per token
    return {view, locale: new URLSearchParams(url.hash.slice(1)).get('locale')};
  }

  it('locale="de": German words and "1.234,50 $"-style money in the embed; without it, English and "$1,234.50"', async () => {
    expect(stack.content.emulatorPlan).to.equal('pro');
    const english = await shown(undefined);
    expect(english.locale).to.equal(null);
    expect([english.view.lang, english.view.words.downloadResults]).to.deep.equal(['en', 'Download results']);
    expect(english.view.cards[0]!.text).to.match(/^\$\d{1,3}(,\d{3})*\.\d\d$/);

    const requests = (await tokenRequests(stack)).length;
    const german = await shown('de');
    expect(german.locale).to.equal('de');
    expect([german.view.lang, german.view.words.downloadResults]).to.deep.equal(['de', 'Ergebnisse herunterladen']);
    expect(german.view.words.downloadPdf).to.equal('Als PDF herunterladen');
    expect(german.view.cards[0]!.text).to.match(/^\d{1,3}(\.\d{3})*,\d\d\s\$$/);
    // The same amount, written two ways.
    const amount = (text: string, group: string) =>
      Number(
        text
          .replace(/[^\d.,]/g, '')
          .replaceAll(group, '')
          .replace(',', '.'),
      );
    expect(amount(german.view.cards[0]!.text, '.')).to.equal(amount(english.view.cards[0]!.text, ','));
    expect(await tokenRequests(stack)).to.have.length(requests + 1); // the new element's own token
  });
});
