// The built entry as users import it: `metabase-embed/server` resolves through package.json
// "exports" to dist/server/index.js (npm test builds before running this file).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {SECRET, SITE, verifyWithJsonwebtoken} from './support.js';

test('exports exactly the documented API', async () => {
  const entry = await import('metabase-embed/server');
  assert.deepEqual(Object.keys(entry).sort(), [
    'EmbedValidationError',
    'INTERNAL_ERROR_MESSAGE',
    'createEmbedHandler',
    'signEmbedToken',
    'signEmbedUrl',
    'toHtmlAttributes',
    'toNodeHandler',
  ]);
});

test('the built signEmbedUrl produces a URL whose token verifies', async () => {
  const {signEmbedUrl} = await import('metabase-embed/server');
  const url = await signEmbedUrl({siteUrl: SITE, secretKey: SECRET, resource: {dashboard: 12}, params: {tenant: 7}});
  const token = url.slice(`${SITE}/embed/dashboard/`.length);
  assert.deepEqual(verifyWithJsonwebtoken(token).params, {tenant: 7});
});
