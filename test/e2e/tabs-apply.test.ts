// Through <metabase-embed>, with the emulator's cross-origin pages: the `tab` attribute opens a
// dashboard tab, the tab the visitor opens is reported as `tab` (not a filter) and kept across
// token renewals and filter changes, and a dashboard whose filters wait for Apply works
// inside the element (emulator/README.md#tabs).
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '../../src/define.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import type {MetabaseEmbedLocationDetail} from '../../src/embed/embed-types.js';
import {emulatorOrigin, nowSeconds, settledFrame, sign} from '../../support/emulator-browser.js';

const SALES_IN_TABS = 3;
const APPLIED_ON_DEMAND = 4;
let exp = nowSeconds() + 900; // each token another exp: tokens signed in one second would be the same text

interface Embed {
  el: MetabaseEmbedElement;
  locations: MetabaseEmbedLocationDetail[];
  /** The token in the iframe's URL, once the element shows a frame other than `previous`. */
  frameToken(previous?: string): Promise<string>;
}

async function embed(dashboard: number, attributes: Record<string, string> = {}): Promise<Embed> {
  const origin = await emulatorOrigin();
  const el = document.createElement('metabase-embed');
  el.setAttribute('dashboard', String(dashboard));
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.width = '900px';
  el.fetchToken = async () => ({
    url: `${origin}/embed/dashboard/${await sign({resource: {dashboard}, params: {tenant: 'Acme'}, exp: ++exp})}`,
  });
  const locations: MetabaseEmbedLocationDetail[] = [];
  el.addEventListener('metabase-embed-location', (event) => locations.push(event.detail));
  document.body.append(el);
  const frameToken = async (previous?: string) => {
    let token = '';
    await waitUntil(
      () => {
        const src =
          el.state === 'ready'
            ? el.shadowRoot?.querySelector<HTMLIFrameElement>('iframe:not([hidden])')?.src
            : undefined;
        token = src?.startsWith(origin) ? new URL(src).pathname.split('/').at(-1)! : '';
        return token !== '' && token !== previous;
      },
      'the element shows no (new) frame',
      {timeout: 15_000},
    );
    return token;
  };
  return {el, locations, frameToken};
}

const click = (embedToken: string, what: {tab: string} | {apply: true}) =>
  executeServerCommand('emulator-frame', {embedToken, action: 'click', ...what});
const select = (embedToken: string, slug: string, value: string) =>
  executeServerCommand('emulator-frame', {embedToken, action: 'select', slug, values: [value]});
const lastLocation = async (
  embed: Embed,
  predicate: (detail: MetabaseEmbedLocationDetail) => boolean,
  what: string,
) => {
  await waitUntil(() => embed.locations.some(predicate), `no location event with ${what}`, {timeout: 10_000});
  return embed.locations.filter(predicate).at(-1)!;
};

describe('e2e: dashboard tabs through the element', () => {
  let current: Embed | undefined;
  afterEach(() => current?.el.remove());

  it('tab="32" opens that tab; the location event reports the tab, not as a filter', async () => {
    current = await embed(SALES_IN_TABS, {tab: '32'});
    const token = await current.frameToken();
    const view = await settledFrame({embedToken: token});
    expect(view.tabs.map((tab) => tab.selected)).to.deep.equal([false, true]);
    const detail = await lastLocation(current, (d) => d.tab === '32-product-details', 'the tab');
    expect(detail.params).to.deep.equal({});
    expect(current.el.frameParams).to.deep.equal({});
  });

  it("keeps the visitor's tab across a filter change and a token renewal", async () => {
    current = await embed(SALES_IN_TABS);
    const first = await current.frameToken();
    await settledFrame({embedToken: first});
    await click(first, {tab: 'Product details'});
    await lastLocation(current, (d) => d.tab === '32-product-details', 'the second tab');
    await select(first, 'category', 'Gizmo');
    const both = await lastLocation(current, (d) => d.params.category === 'Gizmo', 'the filter');
    expect(both.tab).to.equal('32-product-details');
    current.el.reload(); // a new token, a new frame
    const second = await current.frameToken(first);
    const renewed = await settledFrame({embedToken: second});
    expect(renewed.tabs.map((tab) => tab.selected)).to.deep.equal([false, true]);
    expect(renewed.search).to.equal('?category=Gizmo&tab=32-product-details');
  });
});

describe('e2e: the Apply button through the element', () => {
  let current: Embed | undefined;
  afterEach(() => current?.el.remove());

  it('a filter change reaches the host only when the visitor presses Apply', async () => {
    current = await embed(APPLIED_ON_DEMAND);
    const token = await current.frameToken();
    await settledFrame({embedToken: token});
    await select(token, 'category', 'Gizmo');
    await settledFrame({embedToken: token}, (view) => view.apply?.shown === true); // the sentinel: a draft
    expect(current.locations.some((d) => d.params.category !== undefined)).to.equal(false);
    await click(token, {apply: true});
    const applied = await lastLocation(current, (d) => d.params.category === 'Gizmo', 'the applied filter');
    expect(applied.tab).to.equal(null);
    expect(current.el.frameParams).to.deep.equal({category: 'Gizmo'});
  });
});
