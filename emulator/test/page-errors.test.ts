// What the embed page shows when Metabase would refuse: a bad or expired token (the whole
// page) and wrong parameters (each card). A refresh with an expired token: page-refresh.test.ts.
import {expect} from '@open-wc/testing';
import {SignJWT} from 'jose';
import {SAMPLE} from '../src/content/sample-content.js';
import {EmbeddedPage, nowSeconds, salesToken, sign} from '../../support/emulator-browser.js';

describe('emulator embed page: errors and refresh', () => {
  let page: EmbeddedPage | undefined;
  afterEach(() => page?.remove());

  it('an expired token shows "Token is expired (<exp>)" instead of the dashboard', async () => {
    const exp = nowSeconds() - 120;
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken({tenant: 'Acme'}, exp)}`);
    const view = await page.settled();
    expect([view.state, view.pageError, view.cards.length]).to.deep.equal(['error', `Token is expired (${exp})`, 0]);
  });

  it('a token signed with another secret shows "Message seems corrupt or manipulated"', async () => {
    // Really signed with another key (flipping the signature's last base64url character
    // is not enough: its low bits are padding, so some flips decode to the same bytes).
    const otherSecret = new TextEncoder().encode('0123456789abcdef'.repeat(4));
    const token = await new SignJWT({resource: {dashboard: 1}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600})
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .sign(otherSecret);
    page = await EmbeddedPage.open(`/embed/dashboard/${token}`);
    expect((await page.settled()).pageError).to.equal('Message seems corrupt or manipulated');
  });

  it('a token not shaped like a JWT shows "API endpoint does not exist." (the API\'s 404)', async () => {
    page = await EmbeddedPage.open('/embed/dashboard/not-a-jwt');
    const view = await page.settled();
    expect([view.state, view.pageError, view.cards.length]).to.deep.equal(['error', 'API endpoint does not exist.', 0]);
  });

  // Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
  const documentPages: Array<{path: () => Promise<string>; shows: string}> = [
    {
      // Metabase's embed app routes only question/:token and dashboard/:token; the rest is "Not found".
      path: async () => `/embed/document/${await sign({resource: {document: 1}, params: {}, exp: nowSeconds() + 600})}`,
      shows: 'Not found',
    },
    {
      path: async () =>
        `/embed/dashboard/${await sign({resource: {dashboard: 1, document: 2}, params: {tenant: 'Acme'}, exp: nowSeconds() + 600})}`,
      shows:
        'Invalid input: {:resource {:document ["disallowed key, got: 2"]}} ' +
        '(a token\'s resource is {"question": id} or {"dashboard": id})',
    },
  ];
  for (const {path, shows} of documentPages) {
    it(`a document: the page shows ${JSON.stringify(shows)} and no card`, async () => {
      const url = await path();
      page = await EmbeddedPage.open(url);
      const view = await page.settled();
      expect([view.state, view.pageError, view.cards.length, view.title]).to.deep.equal(['error', shows, 0, null]);
      // Like Metabase's (inside its embed frame), the page still tells its parent where it is and its size.
      const location = await page.message((m) => m.type === 'location', 'location');
      expect(location.location?.pathname).to.equal(url.split('#')[0]);
      expect((await page.message((m) => m.type === 'frame', 'frame')).frame?.mode).to.equal('normal');
    });
  }

  it("a token without the locked tenant: each card shows Metabase's message", async () => {
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken({})}`);
    const view = await page.settled();
    expect(view.title).to.equal('Sales overview');
    expect(view.cardErrors).to.deep.equal(Array(6).fill('You must specify a value for :tenant in the JWT.'));
  });

  it('a question by entity id: its title, chart and filter', async () => {
    const token = await sign({
      resource: {question: SAMPLE.monthlyRevenueQuestion.entityId},
      params: {tenant: 'Globex'},
      exp: nowSeconds() + 600,
    });
    page = await EmbeddedPage.open(`/embed/question/${token}`);
    const view = await page.settled();
    expect(view.title).to.equal('Monthly revenue');
    expect(view.parameters.map((p) => p.slug)).to.deep.equal(['category']);
    expect(view.cards).to.have.length(1);
    expect(view.cards[0]!.display).to.equal('line');
    expect(view.cards[0]!.axisLabels.join(' ')).to.match(/Jan 2023/);
    expect(view.downloads).to.deep.equal({results: 1, pdf: false});
  });

  it('a question table: every row it returns', async () => {
    const token = await sign({
      resource: {question: SAMPLE.ordersQuestion.id},
      params: {tenant: 'Acme'},
      exp: nowSeconds() + 600,
    });
    page = await EmbeddedPage.open(`/embed/question/${token}?category=Gadget`);
    const view = await page.settled();
    expect(view.cards[0]!.rows).to.equal(25); // the question's limit
    expect(view.cards[0]!.text).to.include('Gadget').and.not.include('Widget');
  });
});
