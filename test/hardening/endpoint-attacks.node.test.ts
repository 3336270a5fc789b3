// Attacks on the token endpoint (createEmbedHandler behind node:http on loopback): locked
// values tampered with, items off the allow-list, forged origins, hostile bodies. Every
// answer goes through assertSafeAnswer: never a 500, never a token for an unlisted item or
// with a locked value other than the server's.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ENTITY_ID, assertSafeAnswer, postRaw, serveAttackEndpoint, type AttackServer} from './endpoint-support.js';

let server: AttackServer;
before(async () => (server = await serveAttackEndpoint()));
after(async () => {
  await server.close();
  assert.deepEqual(server.failures, [], 'no request reached onError (a 500)');
});

async function expectAnswer(body: string, status: number, error?: RegExp, url = server.url) {
  const answer = await postRaw(url, body);
  const claims = assertSafeAnswer(answer, body.slice(0, 80));
  assert.equal(answer.status, status, `${body.slice(0, 80)} → ${answer.text}`);
  if (error) assert.match((JSON.parse(answer.text) as {error: string}).error, error);
  return claims;
}

const dashboard = (params: string) => `{"resource":{"dashboard":12},"params":${params}}`;

describe('locked-parameter tampering', () => {
  const refused: [string, string, RegExp][] = [
    ['the locked slug in the body', dashboard('{"tenant":9}'), /Parameter "tenant" cannot be set/],
    ['the locked slug twice, the allowed value last', dashboard('{"tenant":9,"tenant":7}'), /"tenant"/],
    [
      'a duplicate editable slug hiding the locked one',
      dashboard('{"category":"a","tenant":9,"category":"b"}'),
      /"tenant"/,
    ],
    ['a __proto__ object in params', dashboard('{"__proto__":{"tenant":9}}'), /params\.__proto__ must be a string/],
    ['a __proto__ value in params', dashboard('{"__proto__":9}'), /Parameter "__proto__" cannot be set/],
    [
      'a constructor object in params',
      dashboard('{"constructor":{"prototype":{"tenant":9}}}'),
      /params\.constructor must/,
    ],
    ['a constructor value in params', dashboard('{"constructor":9}'), /Parameter "constructor" cannot be set/],
    ['a Cyrillic look-alike of the locked slug', dashboard('{"tеnant":9}'), /cannot be set/],
    ['a fullwidth look-alike', dashboard('{"ｔｅｎａｎｔ":9}'), /cannot be set/],
    ['the slug with a zero-width space', dashboard('{"tenant\\u200b":9}'), /cannot be set/],
    ['the slug in upper case', dashboard('{"TENANT":9}'), /cannot be set/],
    ['the slug with a trailing space', dashboard('{"tenant ":9}'), /cannot be set/],
    ['a look-alike of the editable slug', dashboard('{"cаtegory":"x"}'), /cannot be set/],
    ['an object where a value is expected', dashboard('{"category":{"tenant":9}}'), /params\.category must be/],
    ['an array of arrays', dashboard('{"category":[["a"]]}'), /params\.category\[0\]/],
    ['params as an array', '{"resource":{"dashboard":12},"params":[{"tenant":9}]}', /params must be an object/],
    ['resource as an array', '{"resource":[{"dashboard":12}],"params":{}}', /resource must be an object/],
    ['an id as an array', '{"resource":{"dashboard":[12]},"params":{}}', /resource\.dashboard must be/],
    ['the body as an array', '[{"resource":{"dashboard":12}}]', /must be a JSON object/],
    ['a top-level __proto__ holding the resource', '{"__proto__":{"resource":{"dashboard":12}}}', /resource must be/],
  ];
  for (const [name, body, error] of refused) {
    test(`${name} is a 400, never signed`, () => expectAnswer(body, 400, error).then(() => undefined));
  }

  test('a duplicate resource key: JSON takes the last one, which is then checked against the list', async () => {
    await expectAnswer('{"resource":{"dashboard":12},"resource":{"dashboard":13}}', 403, /dashboard:13 is not/);
  });

  test('the locked slug in the query string is ignored: the token carries the server value', async () => {
    const claims = await expectAnswer(
      dashboard('{"category":"Gizmo"}'),
      200,
      undefined,
      `${server.url}?tenant=9&params[tenant]=9&params.tenant=9`,
    );
    assert.deepEqual(claims!['params'], {category: 'Gizmo', tenant: 7});
  });

  test('an array where one value is expected is signed as the visitor sent it, the lock intact', async () => {
    const claims = await expectAnswer(dashboard('{"category":["Gizmo","Widget"]}'), 200);
    assert.deepEqual(claims!['params'], {category: ['Gizmo', 'Widget'], tenant: 7});
  });

  test('a fixed locked map cannot be overridden either', async () => {
    await expectAnswer(`{"resource":{"question":"${ENTITY_ID}"},"params":{"region":"US"}}`, 400, /"region"/);
    const claims = await expectAnswer(`{"resource":{"question":"${ENTITY_ID}"},"params":{"state":"CA"}}`, 200);
    assert.deepEqual(claims!['params'], {state: 'CA', region: 'EU'});
  });
});

describe('resources not on the allow-list', () => {
  const refused: [string, string, number][] = [
    ['another dashboard', '{"dashboard":13}', 403],
    ['the listed id as a question', '{"question":12}', 403],
    ['the listed entity id as a dashboard', `{"dashboard":"${ENTITY_ID}"}`, 403],
    ['an entity id of the right length, not listed', '{"question":"Ya_3-9kQpL0mNoPqRsTuV"}', 403],
    ['a float', '{"dashboard":12.5}', 400],
    ['12.0 written as a float string', '{"dashboard":"12.0"}', 400],
    ['a negative id', '{"dashboard":-12}', 400],
    ['zero', '{"dashboard":0}', 400],
    ['a leading zero', '{"dashboard":"012"}', 400],
    ['an id with a space', '{"dashboard":" 12"}', 400],
    ['a huge id', '{"dashboard":1e300}', 400],
    ['an id past 2^53', '{"dashboard":9007199254740993}', 400],
    ['a huge decimal string', `{"dashboard":"${'9'.repeat(400)}"}`, 400],
    ['an entity id one short', `{"question":"${ENTITY_ID.slice(1)}"}`, 400],
    ['an entity id one long', `{"question":"${ENTITY_ID}x"}`, 400],
    ['an entity id with a slash', `{"question":"${ENTITY_ID.slice(1)}/"}`, 400],
    ['both kinds at once', `{"dashboard":12,"question":"${ENTITY_ID}"}`, 400],
    ['an unknown kind', '{"collection":12}', 400],
    ['a boolean id', '{"dashboard":true}', 400],
    ['a null id', '{"dashboard":null}', 400],
  ];
  for (const [name, resource, status] of refused) {
    test(`${name} (${resource.slice(0, 40)}) is a ${status}`, async () => {
      await expectAnswer(`{"resource":${resource},"params":{}}`, status);
    });
  }

  test('the id as a decimal string is the same listed item', async () => {
    const claims = await expectAnswer('{"resource":{"dashboard":"12"},"params":{}}', 200);
    assert.deepEqual(claims!['resource'], {dashboard: 12});
  });
});

describe('origins', () => {
  let strict: AttackServer;
  before(async () => (strict = await serveAttackEndpoint({allowedOrigins: ['https://app.example.com']})));
  after(async () => {
    await strict.close();
    assert.deepEqual(strict.failures, []);
  });
  const body = dashboard('{}');

  const forged: [string, Record<string, string>][] = [
    ['no Origin', {}],
    ['a look-alike suffix', {Origin: 'https://app.example.com.evil.example'}],
    ['a look-alike prefix', {Origin: 'https://evilapp.example.com'}],
    ['http instead of https', {Origin: 'http://app.example.com'}],
    ['another port', {Origin: 'https://app.example.com:8443'}],
    ['a trailing slash', {Origin: 'https://app.example.com/'}],
    ['upper case', {Origin: 'https://APP.example.com'}],
    ['"null" (a sandboxed frame)', {Origin: 'null'}],
    ['a listed origin with a same-origin Sec-Fetch-Site but no Origin', {'Sec-Fetch-Site': 'same-origin'}],
  ];
  for (const [name, headers] of forged) {
    test(`with allowedOrigins, ${name} is a 403`, async () => {
      const answer = await postRaw(strict.url, body, headers);
      assertSafeAnswer(answer, name);
      assert.equal(answer.status, 403, answer.text);
      assert.match(answer.text, /Cross-origin request refused/);
    });
  }

  test('with allowedOrigins, the listed origin is served even when the browser says cross-site', async () => {
    const answer = await postRaw(strict.url, body, {Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'cross-site'});
    assert.equal(answer.status, 200, answer.text);
    assertSafeAnswer(answer, 'listed origin');
  });

  const fetchSites: [string, number][] = [
    ['cross-site', 403],
    ['CROSS-SITE', 403],
    ['same-site', 200],
    ['same-origin', 200],
    ['none', 200],
  ];
  for (const [value, status] of fetchSites) {
    test(`without allowedOrigins, Sec-Fetch-Site: ${value} is a ${status}`, async () => {
      const answer = await postRaw(server.url, body, {'Sec-Fetch-Site': value, Origin: 'https://evil.example'});
      assertSafeAnswer(answer, value);
      assert.equal(answer.status, status, answer.text);
      if (status === 403) assert.match(answer.text, /Sec-Fetch-Site: cross-site.*allowedOrigins/);
    });
  }

  test('without allowedOrigins and without Sec-Fetch-Site (not a browser), the request is served', async () => {
    const answer = await postRaw(server.url, body);
    assert.equal(answer.status, 200, answer.text);
  });
});

describe('hostile bodies', () => {
  test('a body nested 8000 levels deep (within 16 KB) is a 400', async () => {
    const depth = 8000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    await expectAnswer(dashboard(`{"category":${nested}}`), 400);
    await expectAnswer(`{"resource":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`, 400);
  });

  const invalidUtf8: [string, number[]][] = [
    ['a lone continuation byte', [0x80]],
    ['0xff', [0xff]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-16 surrogate encoded in UTF-8', [0xed, 0xa0, 0x80]],
    ['a cut-off 3-byte sequence', [0xe2, 0x82]],
  ];
  for (const [name, bytes] of invalidUtf8) {
    test(`invalid UTF-8 (${name}) in a param value is a 400`, async () => {
      const head = new TextEncoder().encode('{"resource":{"dashboard":12},"params":{"category":"');
      const tail = new TextEncoder().encode('"}}');
      const answer = await postRaw(server.url, new Uint8Array([...head, ...bytes, ...tail]));
      assertSafeAnswer(answer, name);
      assert.equal(answer.status, 400);
      assert.match(answer.text, /not valid UTF-8/);
    });
  }

  const truncated = ['{"resource":{"dashboard":12},"params":{"categ', '{"resource":{"dashboard":12', '{', ''];
  for (const body of truncated) {
    test(`a truncated body ${JSON.stringify(body)} is a 400`, async () => {
      await expectAnswer(body, 400, /not valid JSON/);
    });
  }

  test('a string with every escape JSON allows is signed verbatim', async () => {
    const value = '\u0000\b\f\n\r\t"\\/\u2028\u2029\ud83d\ude00</script><img src=x onerror=alert(1)>';
    const claims = await expectAnswer(dashboard(JSON.stringify({category: value})), 200);
    assert.deepEqual(claims!['params'], {category: value, tenant: 7});
  });
});
