// End to end: a filter attribute on the element → the demo's token endpoint signs it →
// the emulator answers the dashboard's cards with filtered numbers.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {cardRows, claimsOf, demoStack, nextLoad, shownToken, signIn, tokenInUrl, type DemoStack} from './demo-stack.js';

describe('e2e: host-page filters', () => {
  let stack: DemoStack;
  let dashboardId: string | number;

  before(async () => {
    stack = await demoStack('filters');
    await signIn(stack, 'ada');
    dashboardId = (stack.content.dashboard.resource as {dashboard: number}).dashboard;
  });

  async function embed(): Promise<{el: MetabaseEmbedElement; token: string}> {
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboardId} endpoint=${stack.endpoint}></metabase-embed>`,
    );
    return {el, token: tokenInUrl(await nextLoad(el))};
  }

  it('param-category="Gizmo" makes the embed show Gizmo\'s numbers only', async () => {
    const {el, token: unfiltered} = await embed();
    const revenueByCategory = await cardRows(stack, unfiltered, 'Revenue by category');
    const [allOrders] = (await cardRows(stack, unfiltered, 'Orders'))[0]!;
    expect(revenueByCategory.map(([category]) => category)).to.include.members([
      'Doohickey',
      'Gadget',
      'Gizmo',
      'Widget',
    ]);

    const renewed = oneEvent(el, 'metabase-embed-token');
    el.setAttribute('param-category', 'Gizmo');
    expect((await renewed).detail.reason).to.equal('params');
    const filtered = tokenInUrl(await nextLoad(el));

    expect(shownToken(el)).to.equal(filtered);
    expect(claimsOf(filtered).params).to.deep.equal({category: 'Gizmo', tenant: 'Acme'});
    // The filtered embed's revenue is the Gizmo bar of the unfiltered chart...
    const gizmoBar = revenueByCategory.find(([category]) => category === 'Gizmo')!;
    expect(await cardRows(stack, filtered, 'Revenue by category')).to.deep.equal([gizmoBar]);
    expect((await cardRows(stack, filtered, 'Revenue'))[0]![0]).to.be.closeTo(gizmoBar[1] as number, 0.005);
    // ...and its order count is what the emulator counts for Gizmo by itself, fewer than all.
    const [gizmoOrders] = (await cardRows(stack, filtered, 'Orders'))[0]!;
    const [countedByEmulator] = (await cardRows(stack, unfiltered, 'Orders', {category: 'Gizmo'}))[0]!;
    expect(gizmoOrders).to.equal(countedByEmulator);
    expect(gizmoOrders)
      .to.be.above(0)
      .and.below(allOrders as number);
  });

  it('a date range in param-created_at narrows the orders to that range', async () => {
    const {el, token: unfiltered} = await embed();
    const perMonth = await cardRows(stack, unfiltered, 'Orders per month');

    el.setAttribute('param-created_at', '2024-01-01~2024-03-31');
    const filtered = tokenInUrl(await nextLoad(el));

    expect(claimsOf(filtered).params).to.deep.equal({created_at: '2024-01-01~2024-03-31', tenant: 'Acme'});
    const firstQuarter = perMonth.filter(([month]) => /^2024-0[1-3]/.test(String(month)));
    expect(firstQuarter).to.have.length(3);
    const expected = firstQuarter.reduce((sum, [, count]) => sum + (count as number), 0);
    expect((await cardRows(stack, filtered, 'Orders'))[0]![0]).to.equal(expected);
    expect(await cardRows(stack, filtered, 'Orders per month')).to.deep.equal(firstQuarter);
  });

  it('removing the attribute shows every category again', async () => {
    const {el} = await embed();
    el.setAttribute('param-category', 'Widget');
    const widgetOnly = tokenInUrl(await nextLoad(el));
    expect((await cardRows(stack, widgetOnly, 'Revenue by category')).map(([category]) => category)).to.deep.equal([
      'Widget',
    ]);

    el.removeAttribute('param-category');
    const all = tokenInUrl(await nextLoad(el));
    expect(claimsOf(all).params).to.deep.equal({tenant: 'Acme'});
    expect(await cardRows(stack, all, 'Revenue by category')).to.have.length(4);
  });
});
