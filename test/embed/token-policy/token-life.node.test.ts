import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseDateHeader} from '../../../src/embed/token-exchange.js';
import {planTokenLife, renewDelayMs, renewRetryDelayMs} from '../../../src/embed/token-policy.js';

const s = 1000;
// [lifetime, renew after]: 80 % of it, at least 60 s before exp, never before half of it (nor 5 s).
const schedule: Array<[number, number]> = [
  [600 * s, 480 * s],
  [3600 * s, 2880 * s],
  [300 * s, 240 * s],
  [240 * s, 180 * s],
  [120 * s, 60 * s],
  [100 * s, 50 * s],
  [30 * s, 15 * s],
  [6 * s, 5 * s],
  [1 * s, 5 * s],
];
for (const [lifetime, expected] of schedule) {
  test(`a token living ${lifetime / s} s is renewed after ${expected / s} s`, () => {
    assert.equal(renewDelayMs(lifetime), expected);
  });
}

const received = Date.UTC(2030, 0, 1, 12, 0, 0);
const receivedSeconds = received / 1000;

// [name, input, expected (expiresAt, renewAt relative to `received`, clock) or a problem]
type Expected = {expiresIn: number | null; renewIn: number; clock: string} | RegExp;
const lives: Array<[string, Parameters<typeof planTokenLife>[0], Expected]> = [
  [
    'iat with clocks in step',
    {iat: receivedSeconds, exp: receivedSeconds + 600, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'iat'},
  ],
  [
    'iat, server clock an hour ahead',
    {iat: receivedSeconds + 3600, exp: receivedSeconds + 4200, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'iat'},
  ],
  [
    'iat, server clock an hour behind',
    {iat: receivedSeconds - 3600, exp: receivedSeconds - 3000, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'iat'},
  ],
  [
    'iat wins over the Date header',
    {iat: receivedSeconds, exp: receivedSeconds + 600, serverDateMs: received + 999 * s, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'iat'},
  ],
  [
    'no iat, Date header 10 min ahead',
    {exp: receivedSeconds + 1200, serverDateMs: received + 600 * s, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'date-header'},
  ],
  [
    'no iat, no Date header',
    {exp: receivedSeconds + 600, receivedAtMs: received},
    {expiresIn: 600 * s, renewIn: 480 * s, clock: 'browser'},
  ],
  ['no exp', {iat: receivedSeconds, receivedAtMs: received}, {expiresIn: null, renewIn: Infinity, clock: 'iat'}],
  [
    'exp equal to iat',
    {iat: receivedSeconds, exp: receivedSeconds, receivedAtMs: received},
    /already expired when it arrived .* its "iat"/,
  ],
  [
    'no iat, exp behind the browser clock',
    {exp: receivedSeconds - 10, receivedAtMs: received},
    /already expired .* sign tokens with "iat"/,
  ],
];
for (const [name, input, expected] of lives) {
  test(`token life: ${name}`, () => {
    const result = planTokenLife(input);
    if (expected instanceof RegExp) {
      assert.ok('problem' in result);
      assert.match(result.problem, expected);
      return;
    }
    assert.ok('life' in result);
    const {life} = result;
    assert.equal(life.expiresAt === null ? null : life.expiresAt - received, expected.expiresIn);
    assert.equal(life.renewAt - received, expected.renewIn);
    assert.equal(life.clock, expected.clock);
  });
}

const dates: Array<[string | null, number | undefined]> = [
  ['Tue, 01 Jan 2030 12:00:00 GMT', received],
  ['', undefined],
  [null, undefined],
  ['yesterday', undefined],
];
for (const [header, expected] of dates) {
  test(`Date header ${JSON.stringify(header)} → ${expected}`, () => {
    assert.equal(parseDateHeader(header), expected);
  });
}

// [ms left of the token on screen (null: no exp), retry after ms (null: show the error)]
const renewRetries: Array<[number | null, number | null]> = [
  [120_000, 30_000],
  [60_000, 30_000],
  [20_000, 10_000],
  [2_000, 1_000],
  [1_999, null],
  [0, null],
  [-5_000, null],
  [null, 30_000],
];
for (const [left, expected] of renewRetries) {
  test(`a failed renewal with ${left === null ? 'a token without exp' : `${left} ms left`} → ${expected === null ? 'the error shows' : `retry after ${expected} ms`}`, () => {
    assert.equal(renewRetryDelayMs(left === null ? null : received + left, received), expected);
  });
}
