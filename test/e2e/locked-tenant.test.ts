// End to end: the tenant is locked from the signed-in user's session. Nothing the page
// can do (an attribute, the params property, a hand-made request, the embed URL's query)
// gets another tenant's numbers.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  cardQuery,
  cardRows,
  claimsOf,
  demoStack,
  nextLoad,
  requestToken,
  signIn,
  tokenInUrl,
  type DemoStack,
} from './demo-stack.js';

describe('e2e: the locked tenant', () => {
  let stack: DemoStack;
  let dashboard: {dashboard: number};

  before(async () => {
    stack = await demoStack('lock');
    dashboard = stack.content.dashboard.resource as {dashboard: number};
  });

  beforeEach(async () => {
    await signIn(stack, 'grace'); // tenant Globex
  });

  const embed = () =>
    fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard.dashboard} endpoint=${stack.endpoint}></metabase-embed>`,
    );

  it('a param-tenant attribute is refused (400) and nothing is shown', async () => {
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard.dashboard} endpoint=${stack.endpoint} param-tenant="Acme"></metabase-embed>`,
    );
    const {detail} = await oneEvent(el, 'metabase-embed-error');

    expect(detail.status).to.equal(400);
    expect(detail.willRetry).to.equal(false);
    expect(el.state).to.equal('error');
    expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(0);
  });

  it("the params property cannot set the tenant either, and removing it shows the session's tenant", async () => {
    const el = await embed();
    const globex = tokenInUrl(await nextLoad(el));

    const refused = oneEvent(el, 'metabase-embed-error');
    el.params = {tenant: 'Acme', category: 'Gizmo'};
    expect((await refused).detail.status).to.equal(400);
    expect(el.state).to.equal('error');
    // Whatever is still on the page, no iframe shows another tenant's data.
    const frames = [...el.shadowRoot!.querySelectorAll('iframe')];
    expect(frames.map((frame) => claimsOf(tokenInUrl(frame.src)).params.tenant)).to.satisfy((tenants: string[]) =>
      tenants.every((tenant) => tenant === 'Globex'),
    );

    el.params = {category: 'Gizmo'};
    const gizmo = tokenInUrl(await nextLoad(el));
    expect(claimsOf(gizmo).params).to.deep.equal({category: 'Gizmo', tenant: 'Globex'});
    expect(claimsOf(globex).params).to.deep.equal({tenant: 'Globex'});
  });

  it("a hand-made request with a tenant gets 400; without one, the token carries the session's tenant", async () => {
    const forged = await requestToken(stack, {resource: dashboard, params: {tenant: 'Acme'}});
    expect(forged.status).to.equal(400);
    expect((await forged.json()).error).to.match(/"tenant"/);

    const honest = await requestToken(stack, {resource: dashboard, params: {}});
    expect(honest.status).to.equal(200);
    expect(claimsOf((await honest.json()).token).params).to.deep.equal({tenant: 'Globex'});
  });

  it("adding the tenant to the embed URL's query is refused by Metabase (the emulator)", async () => {
    const el = await embed();
    const token = tokenInUrl(await nextLoad(el));
    const overridden = await cardQuery(stack, token, 'Orders', {tenant: 'Acme'});

    expect(overridden.status).to.equal(400);
    expect(overridden.body).to.equal('You can only specify a value for tenant in the JWT.');
  });

  it('switching the signed-in user (the session) is what changes the tenant, and its numbers', async () => {
    const el = await embed();
    const globex = tokenInUrl(await nextLoad(el));

    await signIn(stack, 'ada'); // tenant Acme
    const reloaded = oneEvent(el, 'metabase-embed-token');
    el.reload();
    expect((await reloaded).detail.reason).to.equal('reload');
    const acme = tokenInUrl(await nextLoad(el));

    expect(claimsOf(acme).params).to.deep.equal({tenant: 'Acme'});
    const [globexOrders] = (await cardRows(stack, globex, 'Orders'))[0]!;
    const [acmeOrders] = (await cardRows(stack, acme, 'Orders'))[0]!;
    expect(globexOrders).to.be.above(0);
    expect(acmeOrders).to.be.above(0);
    expect(acmeOrders).not.to.equal(globexOrders);
  });

  it('without a session the endpoint answers 401 and signs nothing', async () => {
    const response = await fetch(stack.endpoint, {
      method: 'POST',
      credentials: 'omit',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource: dashboard, params: {}}),
    });
    expect(response.status).to.equal(401);
    expect(await response.json()).to.have.all.keys('error');
  });
});
