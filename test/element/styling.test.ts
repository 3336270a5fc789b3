// What a host page styles and slots from outside: the loading slot, the CSS parts, and
// events that cross shadow roots (composed).
import {expect, html} from '@open-wc/testing';
import {endpointUrl} from '../support/embed-page.js';
import {loadedIframe, renderEmbed, until} from './helpers.js';

/** A page stylesheet for the duration of a test. */
function pageStyle(css: string): () => void {
  const style = Object.assign(document.createElement('style'), {textContent: css});
  document.head.append(style);
  return () => style.remove();
}

describe('styling and slots', () => {
  it('slotted loading content replaces the skeleton until the embed is on screen', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({delayMs: 300})}>
      <p slot="loading" id="mine">Loading sales…</p></metabase-embed>`);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="loading"]')!;
    expect(slot.assignedElements().map((element) => element.id)).to.deep.equal(['mine']);
    const mine = el.querySelector<HTMLElement>('#mine')!;
    expect(mine.getBoundingClientRect().height).to.be.above(0);
    expect(el.shadowRoot!.querySelector('.skeleton')!.getBoundingClientRect().height).to.equal(0);
    await loadedIframe(el);
    await until(() => mine.getBoundingClientRect().height === 0, 'the loading content is hidden once the embed shows');
  });

  it('::part(iframe), ::part(loading) and ::part(error) are styled by the page', async () => {
    const unstyle = pageStyle(`
      metabase-embed::part(loading) { outline: 3px solid rgb(1, 2, 3); }
      metabase-embed::part(iframe) { outline: 4px solid rgb(4, 5, 6); }
      metabase-embed::part(error) { outline: 5px solid rgb(7, 8, 9); }
    `);
    try {
      const el = await renderEmbed(
        html`<metabase-embed dashboard="1" endpoint=${endpointUrl({delayMs: 300})}></metabase-embed>`,
      );
      const part = (name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)!;
      expect(getComputedStyle(part('loading')).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part('error')).outlineColor).to.equal('rgb(7, 8, 9)');
      const iframe = await loadedIframe(el);
      expect(getComputedStyle(iframe).outlineColor).to.equal('rgb(4, 5, 6)');
    } finally {
      unstyle();
    }
  });

  it('events are composed: they reach listeners outside a shadow root that holds the element', async () => {
    const host = await renderEmbed(html`<div></div>`);
    const root = host.attachShadow({mode: 'open'});
    const seen: string[] = [];
    for (const type of ['metabase-embed-token', 'metabase-embed-load'] as const) {
      host.addEventListener(type, (event) => seen.push(`${type} from ${(event.target as Element).localName}`));
    }
    const el = document.createElement('metabase-embed');
    el.setAttribute('dashboard', '1');
    el.setAttribute('endpoint', endpointUrl());
    root.append(el);
    await loadedIframe(el);
    // Retargeted to the shadow host outside, as composed events are.
    expect(seen).to.deep.equal(['metabase-embed-token from div', 'metabase-embed-load from div']);
  });
});
