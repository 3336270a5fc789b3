// readPageToken: when the `token` attribute may stand in for a request, and for how long.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readPageToken} from '../../../src/embed/token-policy.js';
import {readConfiguration} from '../../../src/embed/token-request.js';
import {signTestToken} from '../tokens.js';

const site = 'https://metabase.example.com';
const now = Date.UTC(2026, 0, 2, 3, 4, 5);
const nowSeconds = now / 1000;

function configured(params: Record<string, unknown>, siteUrl: string | undefined = site) {
  const read = readConfiguration(
    {dashboard: '12', endpoint: '/embed', credentials: 'same-origin', siteUrl, attributes: []},
    params,
    'https://app.example/',
  );
  if ('problem' in read) throw new Error(read.problem);
  return read.configuration;
}

describe('readPageToken', () => {
  test('the token may carry more filters than the element sets (the values the server locks)', async () => {
    const token = await signTestToken({
      resource: {dashboard: 12},
      params: {category: ['Gizmo'], tenant: 7},
      iat: nowSeconds,
      exp: nowSeconds + 600,
    });
    const read = readPageToken(token, configured({category: ['Gizmo']}), now);
    assert.ok('target' in read, JSON.stringify(read));
    assert.equal(read.target.baseUrl, `${site}/embed/dashboard/${token}`);
    assert.deepEqual([read.life.expiresAt, read.life.renewAt], [now + 600_000, now + 480_000]);
  });

  test('a page that waited in a cache: the browser clock leaves less time than iat → exp, and decides', async () => {
    const token = await signTestToken({
      resource: {dashboard: 12},
      params: {},
      iat: nowSeconds - 300,
      exp: nowSeconds + 300,
    });
    const read = readPageToken(token, configured({}), now);
    assert.ok('life' in read, JSON.stringify(read));
    assert.equal(read.life.expiresAt, now + 300_000);
  });

  test('a browser clock behind the server: iat → exp decides', async () => {
    const token = await signTestToken({
      resource: {dashboard: 12},
      params: {},
      iat: nowSeconds + 3600,
      exp: nowSeconds + 3900,
    });
    const read = readPageToken(token, configured({}), now);
    assert.ok('life' in read, JSON.stringify(read));
    assert.equal(read.life.expiresAt, now + 300_000);
  });

  test('a value compared by content: keys in any order, but ["Gizmo"] is not "Gizmo"', async () => {
    const token = await signTestToken({resource: {dashboard: 12}, params: {category: 'Gizmo'}, exp: nowSeconds + 60});
    assert.match(
      String((readPageToken(token, configured({category: ['Gizmo']}), now) as {problem: string}).problem),
      /^"token" was signed for filter "category" with "Gizmo", but the element asks for \["Gizmo"\]/,
    );
  });

  test('an embed URL on another origin than "site-url" is impossible: the site is the attribute', async () => {
    const token = await signTestToken({resource: {dashboard: 12}, params: {}, exp: nowSeconds + 60});
    const read = readPageToken(token, configured({}, 'https://other.example'), now);
    assert.ok('target' in read);
    assert.equal(read.target.origin, 'https://other.example');
  });
});
