// Custom destinations through <metabase-embed>: its iframe has no sandbox (nor an `allow`
// list) that would stop the embed from opening a new tab, and a click on a linked card inside
// the element's cross-origin embed opens the filled URL, with no locked value in it.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {SignJWT} from 'jose';
import {DESTINATION_CARDS} from '../../support/destination-cards.js';
import {testServer} from '../../support/servers.js';
import {embedWith, iframesOf, until} from './helpers.js';

const server = testServer<{origin: string; secretKey: string; landing: string}>('destinations');

describe('<metabase-embed>: custom destinations', () => {
  it('renders its iframe without a sandbox, and a click in the embed opens the destination in a new tab', async () => {
    const {origin, secretKey, landing} = await server;
    const token = await new SignJWT({resource: {dashboard: 1}, params: {tenant: 'Acme'}})
      .setProtectedHeader({alg: 'HS256', typ: 'JWT'})
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secretKey));
    const {el} = await embedWith({
      attributes: {'initial-params': JSON.stringify({category: 'Home & Garden'})},
      fetchToken: () => Promise.resolve({url: `${origin}/embed/dashboard/${token}`}),
    });
    await until(() => el.state === 'ready', 'the embed is ready');
    const [iframe] = iframesOf(el);
    expect(iframe!.hasAttribute('sandbox'), 'a sandbox would block popups').to.equal(false);
    expect(iframe!.hasAttribute('allow')).to.equal(false);
    await executeServerCommand('destination-click', {
      embedToken: token,
      selector: `[data-card="dashcard-${DESTINATION_CARDS.linked}"] .mb-scalar`,
    });
    const opened = await executeServerCommand<{tabs: string[]; landed: string[]}, {count: number}>('destination-tabs', {
      count: 1,
    });
    const expected = `${landing}/landed?category=Home%20%26%20Garden&tenant=`;
    expect(opened).to.deep.equal({tabs: [expected], landed: [expected]});
  });
});
