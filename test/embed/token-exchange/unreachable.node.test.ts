// The message for a token request that got no answer: a CORS hint only when the endpoint's
// origin is not the page's, naming what the endpoint must send for the element's credentials.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {unreachableMessage} from '../../../src/embed/token-exchange.js';

const PAGE = 'https://app.example.com';
const base = (endpoint: string) => `Could not reach the endpoint ${endpoint} (Failed to fetch).`;
const hint = (credentials: string) =>
  ` It is on another origin than this page (${PAGE}), so CORS is the likely cause: the endpoint must answer the ` +
  `preflight OPTIONS and the POST with Access-Control-Allow-Origin: ${PAGE}${credentials} ` +
  `(metabase-embed/server: list ${PAGE} in allowedOrigins).`;
const withCredentials = ' and Access-Control-Allow-Credentials: true';

const cases: [
  name: string,
  endpoint: string,
  page: string | undefined,
  credentials: 'same-origin' | 'include',
  expected: string,
][] = [
  ['same origin: no hint', `${PAGE}/api/metabase/embed`, PAGE, 'include', base(`${PAGE}/api/metabase/embed`)],
  [
    'another host, credentials include',
    'https://api.example.com/embed',
    PAGE,
    'include',
    base('https://api.example.com/embed') + hint(withCredentials),
  ],
  [
    'another port, credentials same-origin: no credentials header asked for',
    'https://app.example.com:8443/embed',
    PAGE,
    'same-origin',
    base('https://app.example.com:8443/embed') + hint(''),
  ],
  [
    'another scheme',
    'http://app.example.com/embed',
    PAGE,
    'include',
    base('http://app.example.com/embed') + hint(withCredentials),
  ],
  [
    'no page (server-side rendering): no hint',
    'https://api.example.com/embed',
    undefined,
    'include',
    base('https://api.example.com/embed'),
  ],
  ['an endpoint that is no URL: no hint', 'not a url', PAGE, 'include', base('not a url')],
];

for (const [name, endpoint, page, credentials, expected] of cases) {
  test(name, () => assert.equal(unreachableMessage(endpoint, page, credentials, 'Failed to fetch'), expected));
}
