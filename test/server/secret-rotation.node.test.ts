// Regenerating the secret, end to end on the server side: the emulator's setSecretKey (as
// Metabase's "Regenerate key") and a token endpoint whose secretKey is a function, so the
// new key is used without a restart.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {createEmbedHandler} from '../../src/server/index.js';
import {TEST_SECRET, TestEmulator, dashcardPath} from '../../support/emulator-node.js';

describe('secret rotation', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start()));
  after(() => emulator.close());

  test('old tokens are refused from the moment of rotation; the endpoint signs with the new key at once', async () => {
    let secret = TEST_SECRET;
    let secretReads = 0;
    const handler = createEmbedHandler({
      siteUrl: emulator.url,
      secretKey: () => {
        secretReads++;
        return secret;
      },
      resources: {'dashboard:1': {locked: {tenant: 'Acme'}}},
    });
    const newToken = async () => {
      const response = await handler(
        new Request('http://host.test/api/embed', {
          method: 'POST',
          headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({resource: {dashboard: 1}}),
        }),
      );
      assert.equal(response.status, 200);
      return ((await response.json()) as {token: string}).token;
    };
    const query = (token: string) => emulator.get(dashcardPath(token));

    const before = await newToken();
    assert.equal((await query(before)).status, 202);

    secret = randomBytes(32).toString('hex');
    emulator.setSecretKey(secret);
    const refused = await query(before);
    assert.deepEqual([refused.status, refused.text], [400, 'Message seems corrupt or manipulated']);

    const readsBefore = secretReads;
    const after = await newToken();
    assert.equal(secretReads, readsBefore + 1, 'one read of the secret per token');
    assert.equal((await query(after)).status, 202);
    assert.equal((await emulator.get(`/embed/dashboard/${after}`)).status, 200);
  });

  test('a malformed key is refused by both, naming the option', () => {
    assert.throws(() => emulator.setSecretKey('abc'), {
      message: 'secretKey must be exactly 64 hexadecimal characters (0-9, a-f); got 3 characters.',
    });
    assert.throws(
      () => createEmbedHandler({siteUrl: emulator.url, secretKey: () => 'abc', resources: {'dashboard:1': {}}}),
      {name: 'EmbedValidationError', message: /^secretKey\(\) must be Metabase's embedding secret key/},
    );
  });
});
