// `#refresh=N` on a dashboard: as in Metabase, only the card queries run again, with the
// same token. The visitor's widgets stay as they are (value, focus, a half-typed date), and
// a token that has expired meanwhile breaks every card. The emulator's clock is moved to
// make it expire; the page's own 1 s timer is the only wait.
import {expect} from '@open-wc/testing';
import {EmbeddedPage, nowSeconds, salesToken, setEmulatorClock} from './browser-helpers.js';

describe('emulator embed page: #refresh=N', () => {
  let page: EmbeddedPage | undefined;
  afterEach(async () => {
    page?.remove();
    await setEmulatorClock(0);
  });

  it('re-runs the queries with the same token and keeps the widgets; an expired token breaks every card', async () => {
    const exp = nowSeconds() + 600;
    page = await EmbeddedPage.open(`/embed/dashboard/${await salesToken({tenant: 'Acme'}, exp)}#refresh=1`, {
      height: 800,
    });
    const fine = await page.settled((view) => view.state === 'ready' && view.cards.length === 6);
    expect(fine.cards[0]!.text).to.match(/^\$/);

    await page.select('category', 'Gadget');
    await page.type('created_at-from', '03'); // the month only: a half-typed date
    const typing = await page.snapshot();
    expect(typing.focus).to.deep.equal({name: 'created_at-from', halfTyped: true});

    // Past exp and Metabase's 60 s leeway, on the emulator's clock only.
    await setEmulatorClock(exp + 61 - nowSeconds());
    const broken = await page.settled((view) => view.cardErrors.length === 6 || view.pageError !== null);
    expect(broken.cardErrors).to.deep.equal(Array(6).fill(`Token is expired (${exp})`));
    expect([broken.title, broken.pageError]).to.deep.equal(['Sales overview', null]);
    expect(broken.parameters.find((parameter) => parameter.slug === 'category')?.value).to.equal('Gadget');
    expect(broken.focus).to.deep.equal({name: 'created_at-from', halfTyped: true});
  });
});
