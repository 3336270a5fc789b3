// The fetchToken contract, and what counts as a usable answer (from fetchToken or the endpoint).
import {expect} from '@open-wc/testing';
import sinon from 'sinon';
import {embedPageOrigin, endpointUrl, mintEmbedUrl} from '../support/embed-page.js';
import type {FetchToken} from '../../src/index.js';
import {embedWith, iframesOf, loadedIframe, pageIn, shownError, signedAnswer, until} from './helpers.js';

describe('fetchToken', () => {
  afterEach(() => sinon.restore());

  it('replaces the endpoint and gets {resource, params, signal}', async () => {
    const fetchToken = sinon.spy(async (request: Parameters<FetchToken>[0]) => {
      const {url} = await signedAnswer(request);
      return {jwt: url.split('/').pop()!};
    });
    const {el} = await embedWith({
      attributes: {endpoint: '/never-called', 'param-category': 'Gizmo', 'site-url': await embedPageOrigin()},
      fetchToken,
    });
    const page = await pageIn(await loadedIframe(el));
    expect(page.tokenParams).to.deep.equal({category: 'Gizmo'});
    const [request] = fetchToken.firstCall.args;
    expect(request.resource).to.deep.equal({dashboard: 1});
    expect(request.params).to.deep.equal({category: 'Gizmo'});
    expect(request.signal).to.be.instanceOf(AbortSignal);
  });
});

describe('answers that are not a usable embed', () => {
  afterEach(() => sinon.restore());

  const bad: Array<{answer: string; attributes?: Record<string, string>; fetchToken?: FetchToken; message: RegExp}> = [
    {
      answer: 'a javascript: URL',
      fetchToken: () => Promise.resolve({url: 'javascript:alert(document.domain)//embed/dashboard/a.b.c'}),
      message: /absolute http\(s\) URL/,
    },
    {
      answer: 'a data: URL',
      fetchToken: () => Promise.resolve({url: 'data:text/html,<script>alert(1)</script>'}),
      message: /absolute http\(s\) URL/,
    },
    {
      answer: 'a token for another dashboard',
      fetchToken: async () => signedAnswer({resource: {dashboard: 2}, params: {}}),
      message: /token is for Metabase dashboard 2, but Metabase dashboard 1 was asked for/,
    },
    {
      answer: 'a public link instead of an embed',
      fetchToken: () => Promise.resolve({url: 'https://mb.example/public/dashboard/1234'}),
      message: /path must be \/embed\/dashboard\/<jwt>/,
    },
    {answer: '{jwt} without site-url', attributes: {endpoint: endpointUrl({shape: 'jwt'})}, message: /no site/},
    // Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
    {
      answer: "the endpoint's token for a document",
      attributes: {endpoint: endpointUrl({signAs: '{"document":1}'})},
      message: /The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\./,
    },
    {
      answer: "the endpoint's token for a dashboard and a document",
      attributes: {endpoint: endpointUrl({signAs: '{"dashboard":1,"document":2}'})},
      message: /The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\./,
    },
    {
      answer: 'a document embed URL',
      fetchToken: async (request) => {
        const {url} = await signedAnswer(
          {resource: request.resource, params: request.params},
          {signAs: '{"document":1}'},
        );
        return {url: url.replace('/embed/dashboard/', '/embed/document/')};
      },
      message: /path must be \/embed\/dashboard\/<jwt> or \/embed\/question\/<jwt>; got "\/embed\/document\//,
    },
    {
      answer: 'a URL off the site-url origin',
      attributes: {endpoint: endpointUrl(), 'site-url': 'https://metabase.example.com'},
      message: /not the "site-url" attribute's origin/,
    },
    {
      answer: 'a token whose exp is not after its iat',
      fetchToken: async () => ({
        url: await mintEmbedUrl({resource: {dashboard: 1}, iat: 1_800_000_000, exp: 1_800_000_000}),
      }),
      message: /already expired when it arrived \("exp" 1800000000 is not after its "iat"\)/,
    },
  ];
  for (const {answer, attributes = {}, fetchToken, message} of bad) {
    it(`${answer} is an invalid answer: nothing is loaded, nothing retried`, async () => {
      const {el, errors} = await embedWith({attributes, ...(fetchToken && {fetchToken})});
      await until(() => errors().length === 1, 'the error');
      expect(errors()[0]).to.deep.include({reason: 'invalid-answer', willRetry: false});
      expect(errors()[0]?.message).to.match(message);
      await el.updateComplete;
      expect(iframesOf(el)).to.have.length(0);
      expect(shownError(el)).to.match(message);
    });
  }
});
