// signEmbedToken / signEmbedUrl, checked by independent verifiers given the secret as a
// plain string: jsonwebtoken (Metabase's reference Node app) and PyJWT (its Python snippet).
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import {EmbedValidationError, signEmbedToken, signEmbedUrl} from '../../src/server/index.js';
import {
  FIXED_NOW,
  FIXED_NOW_SECONDS,
  SECRET,
  SITE,
  decodePayload,
  verifyWithJsonwebtoken,
  verifyWithPyJwt,
} from './support.js';

const resource = {dashboard: 12};
// null: "no value", which clears a parameter's default in Metabase.
const params = {category: ['Widget', 'Gizmo'], tenant: 42, active: true, none: [], cleared: null};

describe('signEmbedToken: key handling, checked independently', () => {
  test('jsonwebtoken and PyJWT accept the token with the secret as a string', async () => {
    const token = await signEmbedToken({secretKey: SECRET, resource, params});
    const claims = verifyWithJsonwebtoken(token);
    assert.deepEqual(claims.resource, resource);
    assert.deepEqual(claims.params, params);

    const [python] = verifyWithPyJwt([token]);
    assert.ok(python?.ok, `PyJWT refused the token: ${JSON.stringify(python)}`);
    assert.deepEqual(python.claims['resource'], resource);
    assert.deepEqual(python.claims['params'], params);
    assert.deepEqual(python.header, {alg: 'HS256', typ: 'JWT'});
  });

  test('a token keyed by the hex-decoded secret fails both verifiers', () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const hexDecodedKey = Buffer.from(SECRET, 'hex');
    const wrong = jwt.sign({resource, params: {}, exp}, hexDecodedKey, {algorithm: 'HS256'});
    // The token itself is sound: only the key interpretation differs.
    assert.doesNotThrow(() => jwt.verify(wrong, hexDecodedKey, {algorithms: ['HS256']}));

    assert.throws(() => verifyWithJsonwebtoken(wrong), {name: 'JsonWebTokenError', message: 'invalid signature'});
    const [python] = verifyWithPyJwt([wrong]);
    assert.deepEqual(python, {ok: false, error: 'InvalidSignatureError'});
  });

  test('our token does not verify with the hex-decoded secret', async () => {
    const token = await signEmbedToken({secretKey: SECRET, resource});
    assert.throws(() => jwt.verify(token, Buffer.from(SECRET, 'hex'), {algorithms: ['HS256']}), /invalid signature/);
  });

  test('a token under another secret fails, so the verifiers are really checking', async () => {
    const other = SECRET.replace(/^./, SECRET.startsWith('0') ? '1' : '0');
    const token = await signEmbedToken({secretKey: other, resource});
    assert.throws(() => verifyWithJsonwebtoken(token), /invalid signature/);
    assert.deepEqual(verifyWithPyJwt([token]), [{ok: false, error: 'InvalidSignatureError'}]);
  });
});

describe('signEmbedToken: claims and exp arithmetic with a fixed now', () => {
  test('iat is now in whole seconds and exp is iat + 600 by default', async () => {
    const token = await signEmbedToken({secretKey: SECRET, resource, now: FIXED_NOW});
    assert.deepEqual(decodePayload(token), {
      resource,
      params: {},
      iat: FIXED_NOW_SECONDS,
      exp: FIXED_NOW_SECONDS + 600,
    });
  });

  test('milliseconds are floored, so exp stays an integer', async () => {
    const now = new Date(FIXED_NOW.getTime() + 999);
    const claims = decodePayload(await signEmbedToken({secretKey: SECRET, resource, now, expiresIn: 90}));
    assert.equal(claims['iat'], FIXED_NOW_SECONDS);
    assert.equal(claims['exp'], FIXED_NOW_SECONDS + 90);
  });

  for (const expiresIn of [1, 86400]) {
    test(`expiresIn ${expiresIn} gives exp = iat + ${expiresIn}`, async () => {
      const claims = decodePayload(await signEmbedToken({secretKey: SECRET, resource, now: FIXED_NOW, expiresIn}));
      assert.equal(claims['exp'], FIXED_NOW_SECONDS + expiresIn);
    });
  }

  test('a token signed an hour ago with a 10-minute life is expired for both verifiers', async () => {
    const now = new Date(Date.now() - 3600_000);
    const token = await signEmbedToken({secretKey: SECRET, resource, now});
    assert.throws(() => verifyWithJsonwebtoken(token), {name: 'TokenExpiredError'});
    assert.deepEqual(verifyWithPyJwt([token]), [{ok: false, error: 'ExpiredSignatureError'}]);
  });

  test('an entity id and a decimal-string id are signed as Metabase expects', async () => {
    const byEntityId = await signEmbedToken({secretKey: SECRET, resource: {question: 'Xa_3-9kQpL0mNoPqRsTuV'}});
    assert.deepEqual(decodePayload(byEntityId)['resource'], {question: 'Xa_3-9kQpL0mNoPqRsTuV'});
    const byString = await signEmbedToken({secretKey: SECRET, resource: {dashboard: '12'}});
    assert.deepEqual(decodePayload(byString)['resource'], {dashboard: 12});
  });
});

describe('signEmbedToken: refusals name what is wrong', () => {
  const refused: [string, Record<string, unknown>, RegExp][] = [
    [
      'a 32-character secret',
      {secretKey: SECRET.slice(32)},
      /^secretKey must be .*64 hexadecimal characters, got 32 characters$/,
    ],
    ['a hex-looking secret with a space', {secretKey: `${SECRET.slice(1)} `}, /^secretKey .*outside 0-9 a-f$/],
    ['a missing resource', {resource: undefined}, /^resource must be an object like/],
    ['a card resource', {resource: {card: 1}}, /^resource must have exactly one key/],
    // Metabase's static embed serves no document (docs/emulator.md, "Where it differs").
    [
      'a document resource',
      {resource: {document: 1}},
      /^resource must have exactly one key, "dashboard" or "question"; found "document"$/,
    ],
    [
      'a document beside a question',
      {resource: {question: 1, document: 2}},
      /^resource must have exactly one key, "dashboard" or "question"; found "question", "document"$/,
    ],
    ['a negative id', {resource: {dashboard: -1}}, /^resource\.dashboard must be a positive integer/],
    [
      'an object param',
      {params: {tenant: {id: 1}}},
      /^params\.tenant must be a string, a finite number, a boolean, null, or an array of strings, numbers and booleans, got an object$/,
    ],
    ['an expiresIn of 0', {expiresIn: 0}, /^expiresIn must be a whole number of seconds from 1 to 86400/],
    ['an expiresIn over 24 h', {expiresIn: 86401}, /^expiresIn must be .*got 86401$/],
    ['an invalid now', {now: new Date(Number.NaN)}, /^now must be a valid Date/],
  ];
  for (const [name, override, message] of refused) {
    test(`refuses ${name}`, async () => {
      const options = {secretKey: SECRET, resource, ...override} as Parameters<typeof signEmbedToken>[0];
      await assert.rejects(signEmbedToken(options), (error: unknown) => {
        assert.ok(error instanceof EmbedValidationError);
        assert.match(error.message, message);
        assert.ok(!error.message.includes(SECRET.slice(0, 16)), 'the message must not echo the secret');
        return true;
      });
    });
  }
});

describe('signEmbedUrl', () => {
  test('builds <site>/embed/dashboard/<jwt> with a token that verifies', async () => {
    const url = await signEmbedUrl({siteUrl: `${SITE}/`, secretKey: SECRET, resource, params});
    const prefix = `${SITE}/embed/dashboard/`;
    assert.ok(url.startsWith(prefix), url);
    assert.deepEqual(verifyWithJsonwebtoken(url.slice(prefix.length)).params, params);
  });

  test('builds <site>/embed/question/<jwt> under a path prefix', async () => {
    const url = await signEmbedUrl({
      siteUrl: 'https://example.com/metabase//',
      secretKey: SECRET,
      resource: {question: 7},
    });
    assert.match(url, /^https:\/\/example\.com\/metabase\/embed\/question\/[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  test('refuses a non-http(s) siteUrl before signing', async () => {
    await assert.rejects(
      signEmbedUrl({siteUrl: 'javascript:alert(1)//', secretKey: SECRET, resource}),
      /^EmbedValidationError: siteUrl must be an absolute http\(s\) URL .*its scheme is javascript:$/,
    );
  });
});
