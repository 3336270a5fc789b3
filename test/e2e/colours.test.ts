// End to end: the element's colour attributes through the demo's stack (its emulator emulates a
// paid plan, where the colour overrides apply): each goes into the embed URL's hash, the
// cross-origin embed shows it, and a value that is not a hex colour is warned about and left out.
import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import type {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {demoStack, embedView, nextLoad, signIn, tokenInUrl, type DemoStack} from './demo-stack.js';

describe('e2e: colour attributes', () => {
  let stack: DemoStack;

  before(async () => {
    stack = await demoStack('colours');
    await signIn(stack, 'ada');
  });
  afterEach(() => sinon.restore());

  it('primary-color, text-primary-color and card-bg-color: in the hash, and shown by the embed', async () => {
    expect(stack.content.emulatorPlan).to.equal('pro');
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint} primary-color="#C0392B"
        text-primary-color="#073642" card-bg-color="#FDF6E3"></metabase-embed>`,
    );
    const url = new URL(await nextLoad(el));
    expect(url.hash).to.equal('#primary-color=%23C0392B&text-primary-color=%23073642&card-bg-color=%23FDF6E3');
    const view = await embedView(tokenInUrl(url.href));
    expect([view.colors.bar, view.colors.title?.[0], view.colors.card?.[1]]).to.deep.equal([
      'rgb(192, 57, 43)',
      'rgb(7, 54, 66)',
      'rgb(253, 246, 227)',
    ]);
    el.remove();
  });

  it('primary-color="red": a warning naming the attribute and what it allows; the embed keeps its colour', async () => {
    const warn = sinon.stub(console, 'warn');
    const {dashboard} = stack.content.dashboard.resource as {dashboard: number};
    const el = await fixture<MetabaseEmbedElement>(
      html`<metabase-embed dashboard=${dashboard} endpoint=${stack.endpoint} primary-color="red"
        border-color="#B58900"></metabase-embed>`,
    );
    const url = new URL(await nextLoad(el));
    expect(url.hash).to.equal('#border-color=%23B58900'); // the valid one only
    expect(warn.getCalls().map((call) => String(call.args[0]))).to.include(
      '<metabase-embed>: "primary-color" must be a hex colour such as "#509EE3" or "#fff"; got "red". It is ignored.',
    );
    const view = await embedView(tokenInUrl(url.href));
    expect(view.colors.card?.[0]).to.equal('rgb(181, 137, 0)');
    expect(view.colors.bar).to.not.equal('rgb(255, 0, 0)');
    el.remove();
  });
});
