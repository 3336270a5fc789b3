import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Resource} from '../../../src/embed/embed-types.js';
import {readClaims, resolveAnswer} from '../../../src/embed/token-answer.js';
import {parseHttpUrl} from '../../../src/embed/token-request.js';
import {signTestToken} from '../tokens.js';

const site = 'https://metabase.example.com';
let dashboard12 = '';
let question5 = '';
let dashboard13 = '';
// Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
let document1 = '';
let dashboard12AndDocument = '';

before(async () => {
  dashboard12 = await signTestToken({
    resource: {dashboard: 12},
    params: {category: 'Gizmo'},
    exp: 2_000_000_000,
    iat: 1_999_999_400,
  });
  question5 = await signTestToken({resource: {question: 5}, params: {}});
  dashboard13 = await signTestToken({resource: {dashboard: 13}, params: {}});
  document1 = await signTestToken({resource: {document: 1}, params: {}});
  dashboard12AndDocument = await signTestToken({resource: {dashboard: 12, document: 2}, params: {}});
});

const asked: Resource = {dashboard: 12};

// [name, answer built from the tokens, site-url attribute, expected base URL or problem]
type Case = [string, () => unknown, string | undefined, string | RegExp];
const cases: Case[] = [
  [
    "{url} from Metabase's snippet, with its hash",
    () => ({url: `${site}/embed/dashboard/${dashboard12}#bordered=true&titled=true`}),
    undefined,
    `${site}/embed/dashboard/{12}`,
  ],
  [
    '{url} under a path prefix',
    () => ({url: `${site}/metabase/embed/dashboard/${dashboard12}`}),
    undefined,
    `${site}/metabase/embed/dashboard/{12}`,
  ],
  [
    '{url} with a query string (dropped)',
    () => ({url: `${site}/embed/dashboard/${dashboard12}?a=1`}),
    undefined,
    `${site}/embed/dashboard/{12}`,
  ],
  ['{token, siteUrl}', () => ({token: dashboard12, siteUrl: `${site}/`}), undefined, `${site}/embed/dashboard/{12}`],
  ['{token} with site-url', () => ({token: dashboard12}), site, `${site}/embed/dashboard/{12}`],
  ['{jwt} with site-url', () => ({jwt: dashboard12}), site, `${site}/embed/dashboard/{12}`],
  [
    '{jwt} without site-url',
    () => ({jwt: dashboard12}),
    undefined,
    /no site: answer "siteUrl" or set the "site-url" attribute/,
  ],
  [
    '{url} on another origin than site-url',
    () => ({url: `https://evil.example/embed/dashboard/${dashboard12}`}),
    site,
    /not the "site-url" attribute's origin/,
  ],
  [
    '{url} javascript:',
    () => ({url: `javascript:alert(1)//embed/dashboard/${dashboard12}`}),
    undefined,
    /absolute http\(s\) URL/,
  ],
  ['{url} data:', () => ({url: `data:text/html,/embed/dashboard/${dashboard12}`}), undefined, /absolute http\(s\) URL/],
  ['{url} relative', () => ({url: `/embed/dashboard/${dashboard12}`}), undefined, /absolute http\(s\) URL/],
  [
    '{url} with credentials',
    () => ({url: `https://user:pw@metabase.example.com/embed/dashboard/${dashboard12}`}),
    undefined,
    /without credentials/,
  ],
  [
    '{url} with a wrong path',
    () => ({url: `${site}/public/dashboard/${dashboard12}`}),
    undefined,
    /path must be \/embed\/dashboard\/<jwt>/,
  ],
  ['{url} with a non-JWT token', () => ({url: `${site}/embed/dashboard/not-a-token`}), undefined, /path must be/],
  [
    '{url} showing a question for a dashboard',
    () => ({url: `${site}/embed/question/${question5}`}),
    undefined,
    /shows a question, but a dashboard was asked for/,
  ],
  [
    '{url} for another dashboard',
    () => ({url: `${site}/embed/dashboard/${dashboard13}`}),
    undefined,
    /token is for Metabase dashboard 13, but Metabase dashboard 12 was asked for/,
  ],
  [
    '{url} of a document',
    () => ({url: `${site}/embed/document/${document1}`}),
    undefined,
    /path must be \/embed\/dashboard\/<jwt> or \/embed\/question\/<jwt>; got "\/embed\/document\//,
  ],
  [
    "{url} of a dashboard whose token is a document's",
    () => ({url: `${site}/embed/dashboard/${document1}`}),
    undefined,
    /^The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\.$/,
  ],
  [
    '{jwt} whose resource names a document beside the dashboard',
    () => ({jwt: dashboard12AndDocument}),
    site,
    /^The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\.$/,
  ],
  ['{url} a number', () => ({url: 12}), undefined, /"url" must be a string/],
  ['{token} not a JWT', () => ({token: 'abc', siteUrl: site}), undefined, /not a JWT/],
  ['{} empty', () => ({}), undefined, /none of "url", "token" or "jwt"/],
  ['an array', () => [], undefined, /must be a JSON object/],
  ['a string', () => 'https://x', undefined, /must be a JSON object/],
  ['null', () => null, undefined, /must be a JSON object/],
];

for (const [name, answer, siteUrl, expected] of cases) {
  test(`answer ${name}${siteUrl ? ` (site-url ${siteUrl})` : ''}`, () => {
    const result = resolveAnswer(answer(), asked, siteUrl);
    if (expected instanceof RegExp) {
      assert.ok('problem' in result, 'expected a problem');
      assert.match(result.problem, expected);
    } else {
      assert.ok('target' in result, 'problem' in result ? result.problem : '');
      assert.equal(result.target.baseUrl, expected.replace('{12}', dashboard12));
      assert.equal(result.target.origin, site);
      assert.equal(result.target.token, dashboard12);
      assert.deepEqual(result.target.claims, {
        resource: {dashboard: 12},
        params: {category: 'Gizmo'},
        exp: 2_000_000_000,
        iat: 1_999_999_400,
      });
    }
  });
}

const claimCases: Array<[string, () => Promise<string> | string, RegExp | object]> = [
  ['garbage', () => 'a.b.c', /not a readable JWT/],
  ['no resource', () => signTestToken({params: {}}), /no valid "resource" claim/],
  [
    'a document resource',
    () => signTestToken({resource: {document: 1}, params: {}}),
    /^The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\.$/,
  ],
  [
    'a document beside a question',
    () => signTestToken({resource: {question: 1, document: 2}, params: {}}),
    /^The token has no valid "resource" claim \(\{"dashboard": id\} or \{"question": id\}\)\.$/,
  ],
  ['params an array', () => signTestToken({resource: {dashboard: 1}, params: []}), /"params" claim must be an object/],
  [
    'exp a string',
    () => signTestToken({resource: {dashboard: 1}, exp: 'soon' as unknown as number}),
    /"exp" claim must be a number/,
  ],
  ['no params, no exp', () => signTestToken({resource: {question: 2}}), {resource: {question: 2}, params: {}}],
];
for (const [name, token, expected] of claimCases) {
  test(`claims of a token with ${name}`, async () => {
    const result = readClaims(await token());
    if (expected instanceof RegExp) {
      assert.ok('problem' in result);
      assert.match(result.problem, expected);
    } else {
      assert.deepEqual(result, {claims: expected});
    }
  });
}

const urls: Array<[string, string | undefined, boolean]> = [
  ['https://a.example/x', undefined, true],
  ['http://127.0.0.1:3000', undefined, true],
  ['/api/sign', 'http://localhost:8000/page', true],
  ['ftp://a.example', undefined, false],
  ['javascript:void 0', 'http://localhost/', false],
  ['not a url', undefined, false],
];
for (const [text, base, ok] of urls) {
  test(`parseHttpUrl ${JSON.stringify(text)}${base ? ` against ${base}` : ''} is ${ok ? 'accepted' : 'refused'}`, () => {
    assert.equal(parseHttpUrl(text, base) !== undefined, ok);
  });
}
