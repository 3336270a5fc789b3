// `#refresh=N` on a dashboard: as in Metabase, only the card queries run again, with the
// same token. The visitor's widgets stay as they are (value, focus, a half-typed date), and
// a token that has expired meanwhile breaks every card. The emulator's clock is moved to
// make it expire; the page's own 1 s timer is the only wait.
import {expect} from '@open-wc/testing';
import type {FrameSnapshot} from '../../support/emulator-frame.js';
import {itExceptIn} from '../../support/engine.js';
import {EmbeddedPage, nowSeconds, salesToken, setEmulatorClock} from '../../support/emulator-browser.js';

describe('emulator embed page: #refresh=N', () => {
  let page: EmbeddedPage | undefined;
  afterEach(async () => {
    page?.remove();
    await setEmulatorClock(0);
  });

  /** A dashboard refreshing every second, settled, with the category filter set to Gadget. */
  async function refreshingDashboard(exp: number): Promise<EmbeddedPage> {
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken({tenant: 'Acme'}, exp)}#refresh=1`, {
      height: 800,
    });
    const fine = await page.settled((view) => view.state === 'ready' && view.cards.length === 6);
    expect(fine.cards[0]!.text).to.match(/^\$/);
    await page.select('category', 'Gadget');
    return page;
  }

  /** Moves the emulator past exp and Metabase's 60 s leeway, and waits for the refresh to show it. */
  async function expire(exp: number): Promise<FrameSnapshot> {
    await setEmulatorClock(exp + 61 - nowSeconds());
    return page!.settled((view) => view.cardErrors.length === 6 || view.pageError !== null);
  }

  it('re-runs the queries with the same token and keeps the widgets; an expired token breaks every card', async () => {
    const exp = nowSeconds() + 600;
    await refreshingDashboard(exp);
    const broken = await expire(exp);
    expect(broken.cardErrors).to.deep.equal(Array(6).fill(`Token is expired (${exp})`));
    expect([broken.title, broken.pageError]).to.deep.equal(['Sales overview', null]);
    expect(broken.parameters.find((parameter) => parameter.slug === 'category')?.value).to.equal('Gadget');
  });

  itExceptIn(
    {webkit: 'WebKitGTK does not let a script focus <input type=date>, so no keys reach it'},
    'keeps the focus in a half-typed date through a refresh',
    async () => {
      const exp = nowSeconds() + 600;
      await refreshingDashboard(exp);
      await page!.type('created_at-from', '03'); // the month only: a half-typed date
      const typing = await page!.snapshot();
      expect(typing.focus).to.deep.equal({name: 'created_at-from', halfTyped: true});
      const broken = await expire(exp);
      expect(broken.cardErrors).to.have.length(6);
      expect(broken.focus).to.deep.equal({name: 'created_at-from', halfTyped: true});
    },
  );
});
