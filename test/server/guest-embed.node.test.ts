// createEmbedHandler answering Metabase's guest embeds (`<metabase-dashboard>` from embed.js):
// the request its e2e test sends (guest-token-refresh.cy.spec.ts, metabase master), the same
// policy as the element's requests, `customContext` handed to the locked resolver, and an
// answer of exactly {jwt} that jsonwebtoken verifies.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {EmbedRequestDetails} from '../../src/server/index.js';
import {withEmbedEndpoint, type TestContext} from './embed-server.js';
import {FIXED_NOW_SECONDS, post, verifyWithJsonwebtoken} from './support.js';

const alice = {'X-Test-User': 'alice'};
const METABASE_REQUEST = {entityType: 'dashboard', entityId: 12, customContext: {param: 'value', nested: {a: 1}}};

/** A policy whose resolver records what it was given, and locks the session's tenant. */
function recordingPolicy() {
  const seen: EmbedRequestDetails[] = [];
  const resources = {
    'dashboard:12': {
      editable: ['category'],
      locked: (context: TestContext, _request: Request | undefined, details: EmbedRequestDetails) => {
        seen.push(details);
        return {tenant: context.user!.tenantId};
      },
    },
  };
  return {seen, resources};
}

describe("Metabase's guest-embed request", () => {
  test('gets exactly {jwt}: the claims of a static embed, the tenant locked from the session', async () => {
    const {resources} = recordingPolicy();
    await withEmbedEndpoint({resources}, async (url) => {
      for (const [user, tenant] of [
        ['alice', 7],
        ['bob', 9],
      ] as const) {
        const answer = await post(`${url}?response=json`, METABASE_REQUEST, {'X-Test-User': user});
        assert.equal(answer.status, 200, answer.text);
        assert.deepEqual(Object.keys(answer.body), ['jwt']);
        const claims = verifyWithJsonwebtoken(String(answer.body['jwt']), undefined, true);
        assert.deepEqual(claims, {
          resource: {dashboard: 12},
          params: {tenant},
          iat: FIXED_NOW_SECONDS,
          exp: FIXED_NOW_SECONDS + 600,
        });
      }
    });
  });

  test('hands customContext to the locked resolver as sent (object or string); the element sends none', async () => {
    const {seen, resources} = recordingPolicy();
    await withEmbedEndpoint({resources}, async (url) => {
      await post(`${url}?response=json`, METABASE_REQUEST, alice);
      await post(`${url}?response=json`, {...METABASE_REQUEST, customContext: 'test-custom-context'}, alice);
      await post(`${url}?response=json`, {entityType: 'dashboard', entityId: 12}, alice);
      await post(url, {resource: {dashboard: 12}, params: {category: 'Gizmo'}}, alice);
    });
    assert.deepEqual(seen, [
      {kind: 'guest', customContext: {param: 'value', nested: {a: 1}}},
      {kind: 'guest', customContext: 'test-custom-context'},
      {kind: 'guest', customContext: undefined},
      {kind: 'static'},
    ]);
  });

  test('the same policy: an unlisted item is 403, no session 401, a bad entityId 400 naming it', async () => {
    const {resources} = recordingPolicy();
    await withEmbedEndpoint({resources, authorize: (context) => context.user !== undefined}, async (url) => {
      const unlisted = await post(url, {...METABASE_REQUEST, entityId: 13}, alice);
      assert.deepEqual(
        [unlisted.status, unlisted.body],
        [403, {error: "dashboard:13 is not in this server's list of embeddable items"}],
      );
      assert.equal((await post(url, METABASE_REQUEST)).status, 401);
      const badId = await post(url, {...METABASE_REQUEST, entityId: -1}, alice);
      assert.deepEqual(
        [badId.status, badId.body],
        [400, {error: 'entityId must be a positive integer or a 21-character entity id (A-Z a-z 0-9 _ -), got -1'}],
      );
      const badType = await post(url, {...METABASE_REQUEST, entityType: 'collection'}, alice);
      assert.deepEqual(
        [badType.status, badType.body],
        [400, {error: 'entityType must be "dashboard" or "question", got "collection"'}],
      );
      const both = await post(url, {...METABASE_REQUEST, params: {tenant: 9}}, alice);
      assert.equal(both.status, 400);
      assert.match(String(both.body['error']), /either \{"resource", "params"\} or \{"entityType"/);
    });
  });

  test('from a listed origin it gets CORS like the element', async () => {
    const origin = 'https://app.example.com';
    await withEmbedEndpoint({allowedOrigins: [origin]}, async (url) => {
      const answer = await post(`${url}?response=json`, METABASE_REQUEST, {...alice, Origin: origin});
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('access-control-allow-origin'), origin);
      assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
    });
  });
});
