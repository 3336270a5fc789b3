// emulator/README.md#tabs in a real browser: the tab bar of a tabbed dashboard, `?tab=<id>-<name>`
// in the page's URL and its location messages, and a dashboard whose filters wait for Apply.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {EmbeddedPage, nowSeconds, sign} from '../../support/emulator-browser.js';
import type {PressedKey} from '../../support/emulator-frame.js';
import {itExceptIn} from '../../support/engine.js';

const SALES_IN_TABS = 3;
const APPLIED_ON_DEMAND = 4;
const token = (dashboard: number) => sign({resource: {dashboard}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600});
const titles = (view: {cards: {title: string | null}[]}) => view.cards.map((card) => card.title);
const onlyGizmo = (labels: string[]) => labels.includes('Gizmo') && !labels.includes('Gadget');
const isLocation = (search: string) => (m: {type: string; location?: {search: string}}) =>
  m.type === 'location' && m.location!.search === search;

describe('emulator embed page: dashboard tabs', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  const click = (what: {tab: string} | {apply: true}) =>
    executeServerCommand('emulator-frame', {iframe: page!.iframe.id, action: 'click', ...what});

  it('opens the first tab, writes ?tab=<id>-<name>, and a click on a tab shows its cards only', async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await token(SALES_IN_TABS)}`);
    const first = await page.settled();
    expect(first.tabs).to.deep.equal([
      {name: 'Overview', selected: true},
      {name: 'Product details', selected: false},
    ]);
    expect(titles(first)).to.deep.equal(['Revenue', 'Orders', 'Average order']);
    expect(first.search).to.equal('?tab=31-overview');
    await page.message(isLocation('?tab=31-overview'), 'location with the first tab');
    await click({tab: 'Product details'});
    await page.message(isLocation('?tab=32-product-details'), 'location with the second tab');
    const second = await page.settled((view) => view.tabs[1]!.selected && view.cards.length === 2);
    expect(titles(second)).to.deep.equal(['Revenue by category', 'Products']);
    expect(second.cards[1]!.rows).to.be.above(0); // its queries ran
  });

  it('a filter change keeps the tab, and the tab stays beside the filter in the URL', async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await token(SALES_IN_TABS)}?tab=32-product-details`);
    await page.settled();
    await page.select('category', 'Gizmo');
    await page.message(isLocation('?tab=32-product-details&category=Gizmo'), 'location with tab and filter');
    const view = await page.settled((snapshot) => onlyGizmo(snapshot.cards[0]!.axisLabels));
    expect(view.tabs.map((tab) => tab.selected)).to.deep.equal([false, true]);
  });

  it('an unknown tab opens the first one, and the URL says so', async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await token(SALES_IN_TABS)}?category=Widget&tab=99-gone`);
    const view = await page.settled();
    expect(view.tabs.map((tab) => tab.selected)).to.deep.equal([true, false]);
    expect(view.search).to.equal('?category=Widget&tab=31-overview');
    // The first poll may have posted the URL as opened; the page's own rewrite comes after it.
    await page.message(isLocation('?category=Widget&tab=31-overview'), 'location with the first tab');
  });

  itExceptIn(
    {
      webkit:
        'WebKitGTK under WebDriver focuses nothing in the embed frame (focus() leaves <body> active, Element Send Keys answers "Element is not focusable"), so no key reaches the tab bar',
    },
    'the arrow keys, Home and End open the tab they move to (wrapping round), and focus follows',
    async () => {
      page = await EmbeddedPage.open(`/embed/dashboard/${await token(SALES_IN_TABS)}`);
      await page.settled();
      // Each key on the selected tab, then the location it posts (a new one: every step changes the tab).
      const press = async (key: PressedKey, search: string) => {
        const from = page!.messages.length;
        await page!.press('.mb-tab[aria-selected="true"]', key);
        await waitUntil(() => page!.messages.slice(from).some(isLocation(search)), `no ${search} after ${key}`);
        const view = await page!.settled((snapshot) => snapshot.search === search);
        return {selected: view.tabs.map((tab) => tab.selected), focused: view.focusedTab, titles: titles(view)};
      };
      const overview = {selected: [true, false], focused: 'Overview', titles: ['Revenue', 'Orders', 'Average order']};
      const details = {
        selected: [false, true],
        focused: 'Product details',
        titles: ['Revenue by category', 'Products'],
      };
      expect(await press('ArrowRight', '?tab=32-product-details')).to.deep.equal(details);
      expect(await press('Home', '?tab=31-overview')).to.deep.equal(overview);
      expect(await press('ArrowLeft', '?tab=32-product-details')).to.deep.equal(details); // round to the last
      expect(await press('ArrowRight', '?tab=31-overview')).to.deep.equal(overview); // round to the first
      expect(await press('End', '?tab=32-product-details')).to.deep.equal(details);
    },
  );
});

describe('emulator embed page: the Apply button (auto_apply_filters: false)', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  it('a filter change waits for Apply: the cards and the URL keep the applied values until it is pressed', async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await token(APPLIED_ON_DEMAND)}`);
    const before = await page.settled();
    expect(before.apply).to.deep.equal({shown: false});
    expect(before.cards[2]!.axisLabels).to.include.members(['Gadget', 'Gizmo']);
    await page.select('category', 'Gizmo');
    // The sentinel: the button is offered once the draft exists.
    const draft = await page.settled((view) => view.apply?.shown === true);
    expect(draft.cards[2]!.axisLabels).to.include.members(['Gadget', 'Gizmo']);
    expect(draft.search).to.equal('');
    expect(draft.parameters.find((p) => p.slug === 'category')!.value).to.equal('Gizmo');
    await executeServerCommand('emulator-frame', {iframe: page.iframe.id, action: 'click', apply: true});
    await page.message(isLocation('?category=Gizmo'), 'location after Apply');
    const applied = await page.settled((view) => onlyGizmo(view.cards[2]!.axisLabels));
    expect(applied.apply).to.deep.equal({shown: false});
    expect(page.messages.filter((m) => m.type === 'location').map((m) => m.location!.search)).to.deep.equal([
      '',
      '?category=Gizmo',
    ]);
  });
});
