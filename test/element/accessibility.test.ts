import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl} from '../support/embed-page.js';
import {iframesOf, loadedIframe, nextEvent, renderEmbed, until, visibleIframe} from './helpers.js';

const entityId = 'Abc_def-GHIjklMNOpqrs';

describe('accessibility', () => {
  afterEach(() => sinon.restore());

  it('the iframe is named "Metabase dashboard <id>" by default', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="12" endpoint=${endpointUrl()}></metabase-embed>`);
    expect((await loadedIframe(el)).title).to.equal('Metabase dashboard 12');
  });

  it('… or "Metabase question <id>"', async () => {
    const el = await renderEmbed(
      html`<metabase-embed question=${entityId} endpoint=${endpointUrl()}></metabase-embed>`,
    );
    expect((await loadedIframe(el)).title).to.equal(`Metabase question ${entityId}`);
  });

  it('the title attribute names the iframe, also when it changes', async () => {
    const el = await renderEmbed(
      html`<metabase-embed dashboard="12" title="Sales by region" endpoint=${endpointUrl()}></metabase-embed>`,
    );
    const iframe = await loadedIframe(el);
    expect(iframe.title).to.equal('Sales by region');
    el.title = 'Revenue';
    await until(() => iframe.title === 'Revenue', 'the iframe is renamed');
    el.removeAttribute('title');
    await until(() => iframe.title === 'Metabase dashboard 12', 'the default name is back');
  });

  it('is aria-busy while loading, not once ready, and not during a quiet renewal', async () => {
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const el = document.createElement('metabase-embed');
    el.setAttribute('dashboard', '1');
    el.setAttribute('endpoint', endpointUrl({delayMs: 200, lifetime: 600}));
    const parent = await renderEmbed(html`<div></div>`);
    parent.append(el);
    await until(() => el.getAttribute('aria-busy') === 'true', 'aria-busy while the token is fetched');
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!.hidden).to.equal(false);
    await loadedIframe(el);
    await until(() => !el.hasAttribute('aria-busy'), 'no aria-busy once ready');
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!.hidden).to.equal(true);
    const busy: Array<string | null> = [];
    const watcher = new MutationObserver(() => busy.push(el.getAttribute('aria-busy')));
    watcher.observe(el, {attributeFilter: ['aria-busy']});
    await clock.tickAsync(480_000);
    await nextEvent(el, 'metabase-embed-token');
    await nextEvent(el, 'metabase-embed-load');
    watcher.disconnect();
    expect(busy).to.deep.equal([]);
  });

  it('a filter change shows aria-busy over the old frame until the new one is on screen', async () => {
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({delayMs: 200})}></metabase-embed>`,
    );
    const old = await loadedIframe(el);
    const loaded = nextEvent(el, 'metabase-embed-load');
    el.setAttribute('param-category', 'Gizmo');
    await until(() => el.getAttribute('aria-busy') === 'true', 'aria-busy while the new token is fetched');
    expect(el.state).to.equal('loading');
    expect(visibleIframe(el)).to.equal(old);
    await loaded;
    await until(() => !el.hasAttribute('aria-busy'), 'no aria-busy once the new frame is on screen');
    expect(iframesOf(el)).to.have.length(1);
  });

  it('passes axe when ready and when showing an error', async () => {
    const ready = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()}></metabase-embed>`);
    await loadedIframe(ready);
    await expect(ready).to.be.accessible();
    const failed = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({status: 403})}></metabase-embed>`,
    );
    await until(() => failed.state === 'error', 'the error');
    await expect(failed).to.be.accessible();
  });
});
