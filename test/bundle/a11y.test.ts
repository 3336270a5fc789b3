// Accessibility (axe, through chai-a11y-axe) of <metabase-embed> as shipped in the script-tag
// bundle, in each state a visitor meets: loading (skeleton, aria-busy), ready (the titled
// iframe) and error (message and Retry button), for an endpoint failure and a bad configuration.
// test/element/accessibility.test.ts covers the same element from its sources.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {endpointUrl} from '../support/embed-page.js';
import {bundleUrl, loadScript} from './load-bundle.js';

const embed = (endpoint: string, dashboard: string | undefined = '12') =>
  fixture<MetabaseEmbedElement>(
    html`<metabase-embed dashboard=${dashboard ?? ''} endpoint=${endpoint}></metabase-embed>`,
  );

const part = (el: MetabaseEmbedElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

describe('<metabase-embed> accessibility (script-tag bundle)', () => {
  before(async () => {
    expect(await loadScript(bundleUrl)).to.deep.equal([]);
  });

  it('is accessible while loading, and says it is busy', async () => {
    const el = await embed(endpointUrl({delayMs: 10_000}));
    await waitUntil(() => el.state === 'loading', `state stayed ${el.state}`);
    // aria-busy through ElementInternals (test/element/accessibility.test.ts), not on the host.
    expect(el.hasAttribute('aria-busy'), 'no attribute written on the host').to.equal(false);
    expect(part(el, 'loading').hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is accessible when the embed is shown, its iframe named', async () => {
    const el = await embed(endpointUrl());
    await oneEvent(el, 'metabase-embed-load');
    expect(el.state).to.equal('ready');
    expect(part(el, 'iframe').title).to.equal('Metabase dashboard 12');
    await expect(el).to.be.accessible();
  });

  it('is accessible when the endpoint refuses, with an alert and a Retry button', async () => {
    const el = await embed(endpointUrl({status: 403}));
    await waitUntil(() => el.state === 'error', `state stayed ${el.state}`);
    expect(part(el, 'error').getAttribute('role')).to.equal('alert');
    expect(part(el, 'retry-button').textContent?.trim()).to.equal('Retry');
    await expect(el).to.be.accessible();
  });

  it('is accessible with a configuration error', async () => {
    const el = await embed(endpointUrl(), 'not-an-id');
    await waitUntil(() => el.state === 'error', `state stayed ${el.state}`);
    await expect(el).to.be.accessible();
  });
});
