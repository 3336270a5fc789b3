// The Embed panel's preview endpoint (POST /api/metabase/embed-panel on the demo host app):
// it signs with the chosen policy for the demo's items only, never lets the page choose
// the tenant, and refuses forms, other sites and malformed choices.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemo, type Demo} from '../../demo/demo.js';
import {decodePayload} from '../server/support.js';

let demo: Demo;
let cookie: string;
let origin: string;

before(async () => {
  demo = await startDemo({port: 0, env: {}});
  origin = new URL(demo.url).origin;
  const page = await fetch(new URL('embed-panel', demo.url));
  assert.equal(page.status, 200);
  cookie = page.headers.get('set-cookie')!.split(';')[0]!;
});

after(() => demo?.close());

const request = {resource: {dashboard: 1}, params: {category: 'Gizmo'}};
const policy = {key: 'dashboard:1', editable: ['category'], locked: {created_at: '2024-01-01~'}, expiresIn: 300};

function preview(body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL('api/metabase/embed-panel', demo.url), {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Origin: origin, Cookie: cookie, ...headers},
    body: JSON.stringify(body),
  });
}

test('signs with the chosen editable slugs, locked values and lifetime, and the tenant from the session', async () => {
  const answer = await preview({request, policy});
  assert.equal(answer.status, 200);
  const claims = decodePayload(((await answer.json()) as {token: string}).token);
  assert.deepEqual(claims['params'], {category: 'Gizmo', created_at: '2024-01-01~', tenant: 'Acme'});
  assert.equal(Number(claims['exp']) - Number(claims['iat']), 300);
});

const refusals: [string, unknown, Record<string, string>, number, RegExp][] = [
  ['a form', {request, policy}, {'Content-Type': 'text/plain'}, 415, /Content-Type must be application\/json/],
  ['another site', {request, policy}, {Origin: 'https://evil.example'}, 403, /Cross-origin request refused/],
  ['no session', {request, policy}, {Cookie: ''}, 401, /Not authorized/],
  [
    'an item the demo does not show',
    {request, policy: {...policy, key: 'dashboard:9'}},
    {},
    400,
    /policy\.key must be/,
  ],
  [
    'a locked tenant',
    {request, policy: {...policy, locked: {tenant: 'Globex'}}},
    {},
    400,
    /the tenant comes from the session/,
  ],
  ['a page-set tenant', {request: {...request, params: {tenant: 'Globex'}}, policy}, {}, 400, /"tenant" cannot be set/],
  [
    'a slug both set and locked',
    {request, policy: {...policy, locked: {category: 'x'}}},
    {},
    400,
    /both editable and locked/,
  ],
  [
    'a lifetime out of range',
    {request, policy: {...policy, expiresIn: 0}},
    {},
    400,
    /expiresIn must be a whole number/,
  ],
  ['another item than the policy', {request: {resource: {dashboard: 2}}, policy}, {}, 403, /dashboard:2 is not in/],
];
for (const [name, body, headers, status, error] of refusals) {
  test(`${name}: ${status}`, async () => {
    const answer = await preview(body, headers);
    assert.equal(answer.status, status);
    assert.match(((await answer.json()) as {error: string}).error, error);
  });
}
