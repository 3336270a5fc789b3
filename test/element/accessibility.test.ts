import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl} from '../support/embed-page.js';
import {iframesOf, loadedIframe, nextEvent, renderEmbed, until, visibleIframe} from './helpers.js';

const entityId = 'Abc_def-GHIjklMNOpqrs';

/**
 * What the element tells assistive technology is busy, through its ElementInternals (it
 * writes no aria-busy attribute on its host): each value set on `ariaBusy`, in order.
 */
function busyValues(): Array<string | null> {
  const values: Array<string | null> = [];
  const ariaBusy = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'ariaBusy')!;
  sinon.replaceSetter(ElementInternals.prototype, 'ariaBusy', function (this: ElementInternals, value: string | null) {
    values.push(value);
    ariaBusy.set!.call(this, value);
  });
  return values;
}

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
    const busy = busyValues();
    const clock = sinon.useFakeTimers({now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
    const el = document.createElement('metabase-embed');
    el.setAttribute('dashboard', '1');
    el.setAttribute('endpoint', endpointUrl({delayMs: 200, lifetime: 600}));
    const parent = await renderEmbed(html`<div></div>`);
    parent.append(el);
    await until(() => busy.at(-1) === 'true', 'aria-busy while the token is fetched');
    expect(el.state).to.equal('loading');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!.hidden).to.equal(false);
    await loadedIframe(el);
    await until(() => busy.at(-1) === null, 'no aria-busy once ready');
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!.hidden).to.equal(true);
    const ready = busy.length;
    await clock.tickAsync(480_000);
    await nextEvent(el, 'metabase-embed-token');
    await nextEvent(el, 'metabase-embed-load');
    expect(busy.slice(ready)).to.not.include('true');
    expect(el.hasAttribute('aria-busy'), 'no aria-busy attribute on the host').to.equal(false);
  });

  it('a filter change shows aria-busy over the old frame until the new one is on screen', async () => {
    const busy = busyValues();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({delayMs: 200})}></metabase-embed>`,
    );
    const old = await loadedIframe(el);
    const loaded = nextEvent(el, 'metabase-embed-load');
    el.setAttribute('param-category', 'Gizmo');
    await until(() => busy.at(-1) === 'true', 'aria-busy while the new token is fetched');
    expect(el.state).to.equal('loading');
    expect(visibleIframe(el)).to.equal(old);
    await loaded;
    await until(() => busy.at(-1) === null, 'no aria-busy once the new frame is on screen');
    expect(iframesOf(el)).to.have.length(1);
    expect(el.getAttributeNames()).to.deep.equal(['dashboard', 'endpoint', 'param-category']);
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
