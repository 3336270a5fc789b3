import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cleanExplanation, explainErrorBody, maxExplanationChars} from '../../../src/embed/token-exchange.js';

const json = 'application/json';
const cases: Array<[string | null, string, string | undefined]> = [
  [
    json,
    '{"error":"\\"tenant\\" cannot be set by the browser; editable filters: category"}',
    '"tenant" cannot be set by the browser; editable filters: category',
  ],
  ['application/json; charset=utf-8', '{"message":"Not signed in"}', 'Not signed in'],
  [json, '{"error":"first","message":"second"}', 'first'],
  [json, '{"error":{"message":"nested"},"message":"flat"}', 'flat'],
  [json, '{"error":42}', undefined],
  [json, '{"detail":"elsewhere"}', undefined],
  [json, '"a bare string"', undefined],
  [json, 'null', undefined],
  [json, '{"error": "trunc', undefined],
  [json, '{"error":"   "}', undefined],
  ['application/problem+json', '{"message":"Too many"}', 'Too many'],
  ['text/plain', 'Token is expired (1800000000)', 'Token is expired (1800000000)'],
  ['Text/Plain; charset=utf-8', '  Not found.\n', 'Not found.'],
  ['text/plain', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ['text/html', '<h1>Bad request</h1>', undefined],
  ['text/html', '{"error":"json in html"}', undefined],
  ['application/javascript', '{"error":"no"}', undefined],
  [null, '{"error":"no type"}', undefined],
];
for (const [contentType, body, expected] of cases) {
  test(`${contentType ?? 'no Content-Type'} ${JSON.stringify(body)} → ${expected === undefined ? 'no explanation' : JSON.stringify(expected)}`, () => {
    assert.equal(explainErrorBody(contentType, body), expected);
  });
}

const cleaning: Array<[string, string, string | undefined]> = [
  ['line breaks and tabs', 'one\r\ntwo\tthree', 'one two three'],
  ['NUL, ESC and DEL', 'a\u0000b\u001b[31mc\u007fd', 'a b [31mc d'],
  ['C1 controls', 'a\u0085b\u009bc', 'a b c'],
  ['bidirectional overrides and isolates', 'abc\u202eevil\u202c \u2066x\u2069', 'abc evil x'],
  ['only controls', '\u0000\u0001\n', undefined],
  ['ordinary text', 'Embedding is not enabled.', 'Embedding is not enabled.'],
];
for (const [name, text, expected] of cleaning) {
  test(`cleanExplanation removes ${name}`, () => {
    assert.equal(cleanExplanation(text), expected);
  });
}

test(`cleanExplanation keeps ${maxExplanationChars} characters at most, ending with an ellipsis`, () => {
  assert.equal(cleanExplanation('x'.repeat(maxExplanationChars)), 'x'.repeat(maxExplanationChars));
  const cut = cleanExplanation('y'.repeat(maxExplanationChars + 1))!;
  assert.equal(Array.from(cut).length, maxExplanationChars);
  assert.ok(cut.endsWith('y…'));
});

test('cleanExplanation never cuts a surrogate pair in two', () => {
  const cut = cleanExplanation('😀'.repeat(maxExplanationChars + 5))!;
  assert.equal(cut, `${'😀'.repeat(maxExplanationChars - 1)}…`);
  assert.doesNotMatch(cut, /[\ud800-\udbff](?![\udc00-\udfff])/);
});
