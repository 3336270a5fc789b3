// decodeJwtPayload against jose's decodeJwt, input by input: the same tokens accepted with
// the same claims, the same ones refused.
import {before, test} from 'node:test';
import assert from 'node:assert/strict';
import {decodeJwt} from 'jose';
import {decodeJwtPayload} from '../../../src/embed/token-answer.js';
import {signTestToken} from '../tokens.js';

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const withPayload = (payload: string) => `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`;

let signed = '';
let signedUnicode = '';
before(async () => {
  signed = await signTestToken({resource: {dashboard: 12}, params: {category: ['Gizmo', 3]}, exp: 2e9, iat: 1.9e9});
  signedUnicode = await signTestToken({resource: {question: 'AbCdEfGhIjKlMnOpQrStU'}, params: {city: 'Zürich ✓ 🙂'}});
});

const cases: Array<[string, () => string]> = [
  ['a signed token', () => signed],
  ['a signed token with non-ASCII claims', () => signedUnicode],
  ['a signed token without its signature', () => signed.replace(/[^.]+$/, '')],
  ['an empty string', () => ''],
  ['one part', () => 'abc'],
  ['two parts', () => signed.split('.').slice(0, 2).join('.')],
  ['four parts', () => `${signed}.x`],
  ['five parts (an encrypted JWT)', () => `${signed}.x.y`],
  ['an empty payload', () => withPayload('')],
  ['garbage', () => 'a.b.c'],
  ["base64's + and /", () => withPayload(Buffer.from('{"a":"~~~?"}').toString('base64'))],
  ['base64url with padding', () => withPayload(`${base64url('{"a":1}')}=`)],
  ['a payload length that is no base64', () => withPayload(`${base64url('{"a":1}')}a`)],
  ['a space in the payload', () => withPayload(`${base64url('{"a":1}').slice(0, 4)} ${base64url('{"a":1}').slice(4)}`)],
  ['stray bits after the last byte', () => withPayload('eyJhIjoxfR')],
  ['invalid UTF-8', () => withPayload(base64url(Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d)))],
  ['a byte-order mark before the JSON', () => withPayload(base64url('\uFEFF{"a":1}'))],
  ['a JSON array', () => withPayload(base64url('[{"a":1}]'))],
  ['JSON null', () => withPayload(base64url('null'))],
  ['a JSON number', () => withPayload(base64url('12'))],
  ['a JSON string', () => withPayload(base64url('"x"'))],
  ['text that is not JSON', () => withPayload(base64url('{resource: 1}'))],
  ['a "__proto__" claim', () => withPayload(base64url('{"__proto__":{"x":1},"exp":5}'))],
];

type Outcome = {claims: unknown} | {refused: true};
function outcome(decode: (token: string) => unknown, token: string): Outcome {
  try {
    return {claims: decode(token)};
  } catch {
    return {refused: true};
  }
}

for (const [name, token] of cases) {
  test(`decodeJwtPayload agrees with jose's decodeJwt on ${name}`, () => {
    const expected = outcome(decodeJwt, token());
    assert.deepEqual(outcome(decodeJwtPayload, token()), expected);
  });
}

test('decodeJwtPayload reads the claims of a signed token', () => {
  assert.deepEqual(decodeJwtPayload(signedUnicode), {
    resource: {question: 'AbCdEfGhIjKlMnOpQrStU'},
    params: {city: 'Zürich ✓ 🙂'},
  });
});

test('the table has both kinds of input', () => {
  const outcomes = cases.map(([, token]) => outcome(decodeJwt, token()));
  assert.ok(outcomes.filter((result) => 'claims' in result).length >= 5);
  assert.ok(outcomes.filter((result) => 'refused' in result).length >= 10);
});
