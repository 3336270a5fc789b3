import {test} from 'node:test';
import assert from 'node:assert/strict';
import {isRetryableStatus, maxRetryAfterMs, parseRetryAfter} from '../../../src/embed/token-exchange.js';
import {retryDelayMs} from '../../../src/embed/token-policy.js';

const statuses: Array<[number | undefined, boolean]> = [
  [undefined, true],
  [500, true],
  [502, true],
  [503, true],
  [408, true],
  [429, true],
  [400, false],
  [401, false],
  [403, false],
  [404, false],
  [422, false],
];
for (const [status, retryable] of statuses) {
  test(`${status === undefined ? 'no answer (network)' : `HTTP ${status}`} is ${retryable ? '' : 'not '}retried`, () => {
    assert.equal(isRetryableStatus(status), retryable);
  });
}

const now = Date.UTC(2030, 0, 1, 12, 0, 0);
const retryAfter: Array<[string | null, number | undefined]> = [
  ['3', 3000],
  [' 0 ', 0],
  ['120', 120_000],
  ['86400', maxRetryAfterMs],
  ['Tue, 01 Jan 2030 12:00:10 GMT', 10_000],
  ['Tue, 01 Jan 2030 11:00:00 GMT', 0],
  ['-1', undefined],
  ['soon', undefined],
  [null, undefined],
];
for (const [header, expected] of retryAfter) {
  test(`Retry-After ${JSON.stringify(header)} → ${expected} ms`, () => {
    assert.equal(parseRetryAfter(header, now), expected);
  });
}

// [retry number, random, Retry-After, expected delay]
const delays: Array<[number, number, number | undefined, number]> = [
  [1, 0.5, undefined, 500],
  [2, 0.5, undefined, 1000],
  [3, 0.5, undefined, 2000],
  [1, 0, undefined, 375],
  [1, 0.999999, undefined, 625],
  [3, 0, undefined, 1500],
  [3, 0.999999, undefined, 2500],
  [1, 0.5, 3000, 3000],
  [2, 0.9, 0, 0],
];
for (const [retry, random, after, expected] of delays) {
  test(`retry ${retry} with random ${random}${after === undefined ? '' : ` and Retry-After ${after} ms`} waits ${expected} ms`, () => {
    assert.equal(retryDelayMs(retry, after, random), expected);
  });
}
