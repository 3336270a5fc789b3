import {expect, html} from '@open-wc/testing';
import {ifDefined} from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import {embedPageOrigin, endpointUrl, newSession, requestLog, type LoggedRequest} from '../support/embed-page.js';
import {MetabaseEmbedElement} from '../../src/metabase-embed.js';
import {
  iframesOf,
  loadedIframe,
  nextEvent,
  nextPage,
  pageIn,
  recordEvents,
  renderEmbed,
  until,
  visibleIframe,
} from './helpers.js';

const entityId = 'Abc_def-GHIjklMNOpqrs';

describe('attributes: resource, endpoint and filters', () => {
  afterEach(() => sinon.restore());

  it('POSTs {resource, params} as JSON and shows the signed embed', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="12" endpoint=${endpointUrl({session})} param-category="Gizmo"></metabase-embed>`,
    );
    const page = await pageIn(await loadedIframe(el));
    expect(page.resource).to.deep.equal({dashboard: 12});
    expect(page.tokenParams).to.deep.equal({category: 'Gizmo'});
    const [request] = (await requestLog(session)) as [LoggedRequest];
    expect(request).to.include({contentType: 'application/json'});
    expect(request.resource).to.deep.equal({dashboard: 12});
    expect(request.params).to.deep.equal({category: 'Gizmo'});
    expect((await loadedIframe(el)).src.startsWith(`${await embedPageOrigin()}/embed/dashboard/`)).to.equal(true);
  });

  it('asks for a question by entity id', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed question=${entityId} endpoint=${endpointUrl({session})}></metabase-embed>`,
    );
    expect((await pageIn(await loadedIframe(el))).resource).to.deep.equal({question: entityId});
    expect((await requestLog(session))[0]?.resource).to.deep.equal({question: entityId});
  });

  it('merges params and param-* (param-* wins) and sends a JSON array attribute as several values', async () => {
    const session = newSession();
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})}
      params='{"category":"Gizmo","vendor":"Acme","price":[10,20]}' param-category="Widget" param-state='["CA","NY"]'></metabase-embed>`);
    await loadedIframe(el);
    const log = await requestLog(session);
    expect(log[0]?.params).to.deep.equal({category: 'Widget', vendor: 'Acme', price: [10, 20], state: ['CA', 'NY']});
  });

  it('a burst of five attribute changes in one task makes exactly one request, with the final params', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})} param-category="Gizmo"></metabase-embed>`,
    );
    await loadedIframe(el);
    const tokens = recordEvents(el, 'metabase-embed-token');
    const page = nextPage(el);
    el.setAttribute('param-category', 'Widget');
    el.setAttribute('param-state', 'CA');
    el.params = {vendor: 'Acme'};
    el.setAttribute('param-category', 'Doohickey');
    el.removeAttribute('param-state');
    await page;
    const log = await requestLog(session);
    expect(log).to.have.length(2);
    expect(log[1]?.params).to.deep.equal({vendor: 'Acme', category: 'Doohickey'});
    expect(tokens.map((event) => event.detail)).to.deep.equal([{expiresAt: el.expiresAt, reason: 'params'}]);
    expect((await page).tokenParams).to.deep.equal({vendor: 'Acme', category: 'Doohickey'});
  });

  it('a param-* attribute added or removed at run time asks for a new token', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})}></metabase-embed>`,
    );
    await loadedIframe(el);
    el.setAttribute('param-category', 'Gizmo');
    expect((await nextEvent(el, 'metabase-embed-token')).detail.reason).to.equal('params');
    el.removeAttribute('param-category');
    await nextEvent(el, 'metabase-embed-token');
    expect((await requestLog(session)).map((request) => request.params)).to.deep.equal([{}, {category: 'Gizmo'}, {}]);
  });

  it('setting equal params again makes no request', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})} params='{"a":"1","b":"2"}'></metabase-embed>`,
    );
    await loadedIframe(el);
    const fetchSpy = sinon.spy(window, 'fetch');
    el.params = {b: '2', a: '1'};
    await el.updateComplete;
    await Promise.resolve();
    expect(fetchSpy.callCount).to.equal(0);
  });

  // React 19 sets a prop as a property when the element has one: params={JSON.stringify(…)}
  // (an attribute in server-rendered HTML) arrives as text on a later render.
  it('reads JSON text given to the params property as the attribute: one request, no error', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})} params='{"category":"Widget"}'></metabase-embed>`,
    );
    await loadedIframe(el);
    const warn = sinon.spy(console, 'warn');
    (el as unknown as {params: string}).params = '{"category":"Gizmo"}';
    expect(el.params).to.deep.equal({category: 'Gizmo'});
    await nextEvent(el, 'metabase-embed-token');
    expect((await requestLog(session)).map((request) => request.params)).to.deep.equal([
      {category: 'Widget'},
      {category: 'Gizmo'},
    ]);
    expect((await pageIn(await loadedIframe(el))).tokenParams).to.deep.equal({category: 'Gizmo'});
    expect(el.state).to.equal('ready');
    expect(warn.callCount).to.equal(0);
  });

  for (const shape of ['url', 'token', 'jwt'] as const) {
    it(`accepts the {${shape === 'url' ? 'url' : shape === 'token' ? 'token, siteUrl' : 'jwt'}} answer`, async () => {
      const siteUrl = shape === 'jwt' ? await embedPageOrigin() : undefined;
      const el = await renderEmbed(
        html`<metabase-embed dashboard="7" endpoint=${endpointUrl({shape})} site-url=${ifDefined(siteUrl)}></metabase-embed>`,
      );
      expect((await pageIn(await loadedIframe(el))).resource).to.deep.equal({dashboard: 7});
      expect(el.state).to.equal('ready');
    });
  }

  it('sends credentials "same-origin" by default and "include" when asked', async () => {
    const fetchSpy = sinon.spy(window, 'fetch');
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()}></metabase-embed>`);
    await loadedIframe(el);
    expect(fetchSpy.firstCall.args[1]).to.include({method: 'POST', credentials: 'same-origin'});
    el.credentials = 'include';
    await nextEvent(el, 'metabase-embed-token');
    expect(fetchSpy.lastCall.args[1]).to.include({credentials: 'include'});
  });
});

describe('attributes: initial-params and appearance', () => {
  afterEach(() => sinon.restore());

  it('initial-params go into the URL query, not the token; changing them makes no request', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})} initial-params='{"state":["CA","NY"]}'></metabase-embed>`,
    );
    const page = await pageIn(await loadedIframe(el));
    expect(page.queryParams).to.deep.equal({state: ['CA', 'NY']});
    expect(page.tokenParams).to.deep.equal({});
    const second = nextPage(el);
    el.initialParams = {state: 'TX'};
    expect((await second).queryParams).to.deep.equal({state: 'TX'});
    expect(await requestLog(session)).to.have.length(1);
  });

  it('a slug the token sets never goes in the URL as well', async () => {
    const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()} param-category="Gizmo"
      initial-params='{"category":"Widget","state":"CA"}'></metabase-embed>`);
    const page = await pageIn(await loadedIframe(el));
    expect(page.tokenParams).to.deep.equal({category: 'Gizmo'});
    expect(page.queryParams).to.deep.equal({state: 'CA'});
  });

  it('appearance attributes become the URL hash', async () => {
    const el =
      await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()} bordered="false" titled="false" theme="night"
      background="false" font="Open Sans" hide-parameters="category,state" downloads="pdf" locale="pt-BR" refresh="60"></metabase-embed>`);
    expect((await pageIn(await loadedIframe(el))).hash).to.equal(
      '#bordered=false&titled=false&theme=night&background=false&refresh=60&font=Open%20Sans&hide_parameters=category,state&downloads=pdf&locale=pt-BR',
    );
  });

  it('colour attributes go into the hash after the others, in Metabase\'s order, with "#" encoded; frame sizing last', async () => {
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl()} frame-sizing="content-height" card-bg-color="#fff"
        primary-color="#509EE3" theme="night" border-color="#abcdef"></metabase-embed>`,
    );
    expect((await pageIn(await loadedIframe(el))).hash).to.equal(
      '#theme=night&primary-color=%23509EE3&border-color=%23abcdef&card-bg-color=%23fff&frame_sizing=content-height',
    );
  });

  it('an appearance change reloads the iframe with the same token and makes no request', async () => {
    const session = newSession();
    const el = await renderEmbed(
      html`<metabase-embed dashboard="1" endpoint=${endpointUrl({session})}></metabase-embed>`,
    );
    const before = await loadedIframe(el);
    const tokens = recordEvents(el, 'metabase-embed-token');
    const loads = recordEvents(el, 'metabase-embed-load');
    el.theme = 'night';
    el.setAttribute('bordered', 'false');
    expect((await nextPage(el)).hash).to.equal('#bordered=false&theme=night');
    expect(loads.map(({detail}) => (detail as {url: string}).url)).to.deep.equal([
      `${before.src}#bordered=false&theme=night`,
    ]);
    expect(await requestLog(session)).to.have.length(1);
    expect(tokens).to.deep.equal([]);
    expect(iframesOf(el)).to.have.length(1);
  });

  const invalid: Array<{attribute: string; value: string; warning: RegExp}> = [
    {attribute: 'theme', value: 'dark', warning: /"theme" must be one of "light", "night", "transparent"; got "dark"/},
    {attribute: 'bordered', value: 'maybe', warning: /"bordered" must be "true" or "false"/},
    {
      attribute: 'downloads',
      value: 'csv',
      warning: /"downloads" must be one of "true", "false", "pdf", "results", "pdf,results"; got "csv"/,
    },
    {
      attribute: 'refresh',
      value: 'often',
      warning: /"refresh" must be a positive whole number of seconds; got "often"/,
    },
    {attribute: 'locale', value: 'de DE', warning: /"locale" must be a language tag/},
    {
      attribute: 'hide-parameters',
      value: 'a,,b',
      warning: /"hide-parameters" must be a comma-separated list of filter slugs/,
    },
    {attribute: 'min-height', value: 'tall', warning: /"min-height" must be a non-negative number of CSS pixels/},
    {attribute: 'resize', value: 'sometimes', warning: /"resize" must be one of "auto", "none"; got "sometimes"/},
    {attribute: 'loading', value: 'later', warning: /"loading" must be one of "eager", "lazy"; got "later"/},
    {attribute: 'timeout', value: '-1', warning: /"timeout" must be a positive number of seconds/},
    {
      attribute: 'credentials',
      value: 'omit',
      warning: /"credentials" must be one of "same-origin", "include"; got "omit"/,
    },
    {attribute: 'initial-params', value: '{"a":', warning: /"initial-params" must be a JSON object/},
    {
      attribute: 'primary-color',
      value: 'red',
      warning: /"primary-color" must be a hex colour such as "#509EE3" or "#fff"; got "red"/,
    },
    {attribute: 'card-bg-color', value: '#12345', warning: /"card-bg-color" must be a hex colour/},
    {
      attribute: 'frame-sizing',
      value: 'fill',
      warning: /"frame-sizing" must be one of "content-height"; got "fill"/,
    },
  ];
  for (const {attribute, value, warning: message} of invalid) {
    it(`${attribute}="${value}" warns, naming the attribute and what it allows, and is ignored`, async () => {
      const warn = sinon.stub(console, 'warn');
      const el = await renderEmbed(html`<metabase-embed dashboard="1" endpoint=${endpointUrl()}></metabase-embed>`);
      el.setAttribute(attribute, value);
      await loadedIframe(el);
      await until(() => el.state === 'ready', 'the embed is ready');
      const messages = warn.getCalls().map((call) => String(call.args[0]));
      expect(
        messages.filter((text) => message.test(text)),
        messages.join('\n'),
      ).to.have.length(1);
      expect(messages[0]?.startsWith('<metabase-embed>: ')).to.equal(true);
      expect(el.state).to.equal('ready');
    });
  }

  it('refresh on a question warns and is left out of the hash', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await renderEmbed(
      html`<metabase-embed question="3" endpoint=${endpointUrl()} refresh="60" theme="night"></metabase-embed>`,
    );
    expect((await pageIn(await loadedIframe(el))).hash).to.equal('#theme=night');
    expect(warn.calledWithMatch(/"refresh" applies to dashboards only/)).to.equal(true);
  });
});

describe('attributes: configuration errors', () => {
  afterEach(() => sinon.restore());

  const broken: Array<{name: string; attributes: Record<string, string>; error: RegExp}> = [
    {
      name: 'no resource',
      attributes: {endpoint: '/x'},
      error: /Set either the "dashboard" or the "question" attribute/,
    },
    {
      // Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
      name: 'a document attribute instead of a resource',
      attributes: {document: '1', endpoint: '/x'},
      error: /Set either the "dashboard" or the "question" attribute/,
    },
    {
      name: 'both resources',
      attributes: {dashboard: '1', question: '2', endpoint: '/x'},
      error: /Set only one of the "dashboard" and "question" attributes/,
    },
    {
      name: 'a malformed id',
      attributes: {dashboard: '12a', endpoint: '/x'},
      error: /The "dashboard" attribute must be a positive integer id or a 21-character entity id/,
    },
    {name: 'no endpoint', attributes: {dashboard: '1'}, error: /Set the "endpoint" attribute/},
    {
      name: 'a javascript: endpoint',
      attributes: {dashboard: '1', endpoint: 'javascript:alert(1)'},
      error: /"endpoint" must be an http\(s\) URL/,
    },
    {
      name: 'params that are not JSON',
      attributes: {dashboard: '1', endpoint: '/x', params: '{category: Gizmo}'},
      error: /"params" must be a JSON object/,
    },
    {
      name: 'a param-* array that is not JSON',
      attributes: {dashboard: '1', endpoint: '/x', 'param-state': '["CA"'},
      error: /"param-state" starts with "\["/,
    },
    {
      name: 'a site-url that is not http(s)',
      attributes: {dashboard: '1', endpoint: '/x', 'site-url': 'ftp://mb.example'},
      error: /"site-url" must be an absolute http\(s\) URL/,
    },
  ];
  for (const {name, attributes, error: message} of broken) {
    it(`${name}: a configuration error event, a visible message, a console error, and no request`, async () => {
      const consoleError = sinon.stub(console, 'error');
      const fetchSpy = sinon.spy(window, 'fetch');
      const el = document.createElement('metabase-embed');
      for (const [attribute, value] of Object.entries(attributes)) el.setAttribute(attribute, value);
      const error = nextEvent(el, 'metabase-embed-error');
      document.body.append(el);
      try {
        const {detail} = await error;
        expect(detail.reason).to.equal('configuration');
        expect(detail.willRetry).to.equal(false);
        expect(detail.message).to.match(message);
        await el.updateComplete;
        expect(el.state).to.equal('error');
        const shown = el.shadowRoot!.querySelector('[part="error"]') as HTMLElement;
        expect(shown.hidden).to.equal(false);
        expect(shown.textContent).to.match(message);
        expect(consoleError.calledWithMatch(message)).to.equal(true);
        expect(consoleError.callCount, 'reported once').to.equal(1);
        expect(fetchSpy.callCount).to.equal(0);
        expect(iframesOf(el)).to.have.length(0);
      } finally {
        el.remove();
      }
    });
  }

  // As React's effects do: the framework queued its task before the element's first update,
  // and sets the rest of the element there.
  it('an element a framework fills in over the next task reports no configuration error', async () => {
    const consoleError = sinon.stub(console, 'error');
    const el = document.createElement('metabase-embed');
    const events = recordEvents(el, 'metabase-embed-error');
    el.setAttribute('endpoint', endpointUrl());
    const filledIn = new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        el.setAttribute('dashboard', '1');
        resolve();
      };
      channel.port2.postMessage(null);
    });
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.dashboard, 'not filled in at the first update').to.equal(undefined);
      await filledIn;
      await loadedIframe(el); // the sentinel: the embed shows
      expect(events.map((event) => event.type)).to.deep.equal([]);
      expect(consoleError.callCount).to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('fixing the attribute clears the error and loads the embed', async () => {
    sinon.stub(console, 'error');
    const el = await renderEmbed(html`<metabase-embed dashboard="nope" endpoint=${endpointUrl()}></metabase-embed>`);
    await until(() => el.state === 'error', 'the configuration error shows');
    el.dashboard = '5';
    await loadedIframe(el);
    expect(el.state).to.equal('ready');
    expect(visibleIframe(el)).to.not.equal(undefined);
  });
});

describe('attributes: the API is consistent', () => {
  it('every observed attribute is a property and every attribute property is observed', () => {
    const observed = (MetabaseEmbedElement as unknown as {observedAttributes: string[]}).observedAttributes;
    const declared = [...MetabaseEmbedElement.elementProperties.entries()];
    const fromProperties = declared.filter(([, options]) => options.attribute !== false && !options.state);
    expect([...observed].sort()).to.deep.equal(
      fromProperties
        .map(([name, options]) =>
          typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase(),
        )
        .sort(),
    );
    for (const [name] of fromProperties) expect(name in MetabaseEmbedElement.prototype, String(name)).to.equal(true);
    expect(declared.filter(([, options]) => options.attribute === false).map(([name]) => name)).to.deep.equal([
      'fetchToken',
    ]);
  });

  it('registering twice is harmless', async () => {
    const {defineMetabaseEmbed} = await import('../../src/define.js');
    expect(() => defineMetabaseEmbed()).to.not.throw();
    expect(customElements.get('metabase-embed')?.prototype).to.be.instanceOf(MetabaseEmbedElement);
  });
  it('reload() during a configuration error does not label the first token after the fix "reload"', async () => {
    const el = await renderEmbed(html`<metabase-embed endpoint=${endpointUrl()}></metabase-embed>`);
    await until(() => el.state === 'error', 'the configuration error');
    el.reload();
    await el.updateComplete;
    const token = nextEvent(el, 'metabase-embed-token');
    el.setAttribute('dashboard', '1');
    expect((await token).detail.reason).to.equal('initial');
  });
});
