// What a visitor sees after an error: the message (the endpoint's own words, as text), a
// Retry button, or the page's own slotted content.
import {expect, html} from '@open-wc/testing';
import sinon from 'sinon';
import {endpointUrl} from '../support/embed-page.js';
import {embedWith, loadedIframe, nextEvent, renderEmbed, shownError, signedAnswer, until} from './helpers.js';

describe('the error UI', () => {
  afterEach(() => sinon.restore());

  it("a refusal shows the endpoint's {error} text, as the event's message and on the page", async () => {
    const explanation = '"tenant" cannot be set by the browser; editable filters: category';
    const endpoint = endpointUrl({status: 400, error: explanation});
    const {el, errors} = await embedWith({attributes: {endpoint}});
    await until(() => errors().length === 1, 'the error');
    const message = `The endpoint ${new URL(endpoint, location.href).href} answered HTTP 400: ${explanation}`;
    expect(errors()[0]).to.deep.equal({reason: 'http', status: 400, willRetry: false, message});
    await el.updateComplete;
    expect(shownError(el)).to.equal(`${message} Retry`);
  });

  it('a hostile {error} text shows as literal text, cleaned and cut to 300 characters', async () => {
    const markup = '<img src=x onerror="alert(1)">';
    const endpoint = endpointUrl({status: 403, error: `${markup}\u0007\n${'z'.repeat(400)}`});
    const {el, errors} = await embedWith({attributes: {endpoint}});
    await until(() => errors().length === 1, 'the error');
    const shown = `${markup} ${'z'.repeat(300 - markup.length - 2)}…`; // the control and the break become one space
    expect(errors()[0]?.message).to.equal(
      `The endpoint ${new URL(endpoint, location.href).href} answered HTTP 403: ${shown}`,
    );
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(box.querySelector('img'), 'no element made from the text').to.equal(null);
    expect(box.querySelector('p')!.textContent).to.equal(errors()[0]?.message);
  });

  it('the default error message has a Retry button that fetches a fresh token', async () => {
    let refuse = true;
    const {el, errors} = await embedWith({
      fetchToken: async (request) => {
        if (refuse) throw Object.assign(new Error('Not signed in'), {status: 401});
        return signedAnswer(request);
      },
    });
    await until(() => errors().length === 1, 'the error');
    await el.updateComplete;
    expect(shownError(el)).to.equal('fetchToken failed: Not signed in Retry');
    refuse = false;
    const token = nextEvent(el, 'metabase-embed-token');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    expect((await token).detail.reason).to.equal('reload');
    await loadedIframe(el);
    expect(shownError(el)).to.equal(null);
  });

  it('slotted error content replaces the default message', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({status: 403})}>
      <p slot="error" id="mine">Ask your admin.</p></metabase-embed>`);
    await until(() => el.state === 'error', 'the error');
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="error"]')!;
    expect(slot.assignedElements().map((element) => element.id)).to.deep.equal(['mine']);
    expect(el.querySelector('#mine')!.getBoundingClientRect().height).to.be.above(0);
  });
});
