import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  afterFailure,
  coalesceMs,
  type FailedAttempt,
  nextTokenStep,
  requestDelayMs,
  type TokenSituation,
} from '../../../src/embed/token-policy.js';

const now = 1_000_000;
const held = {key: 'A', renewAt: now + 60_000, expiresAt: now + 120_000};
const nothing: TokenSituation = {key: 'A', reload: false, now, inFlight: null, failedKey: null, token: null};

const steps: Array<{name: string; situation: Partial<TokenSituation>; step: ReturnType<typeof nextTokenStep>}> = [
  {name: 'no token yet', situation: {}, step: {request: 'initial'}},
  {name: 'a token for this key, not due', situation: {token: held}, step: 'valid'},
  {name: 'a token for this key, due', situation: {token: {...held, renewAt: now}}, step: {request: 'renew'}},
  {name: 'a token for another key', situation: {token: {...held, key: 'B'}}, step: {request: 'params'}},
  {name: 'reload() with a valid token', situation: {token: held, reload: true}, step: {request: 'reload'}},
  {name: 'a request for this key under way', situation: {inFlight: {key: 'A', reason: 'initial'}}, step: 'pending'},
  {
    name: 'a renewal under way, old token alive',
    situation: {token: {...held, renewAt: now}, inFlight: {key: 'A', reason: 'renew'}},
    step: 'valid',
  },
  {
    name: 'a renewal under way, old token expired',
    situation: {token: {...held, renewAt: now - 2, expiresAt: now}, inFlight: {key: 'A', reason: 'renew'}},
    step: 'pending',
  },
  {
    name: 'a request for another key under way',
    situation: {token: held, inFlight: {key: 'B', reason: 'params'}},
    step: 'valid',
  },
  {name: 'the last request for this key failed', situation: {failedKey: 'A'}, step: 'failed'},
  {name: 'the last request for another key failed', situation: {failedKey: 'B'}, step: {request: 'initial'}},
  {name: 'reload() after a failure', situation: {failedKey: 'A', reload: true}, step: {request: 'reload'}},
];
for (const {name, situation, step} of steps) {
  test(`token step with ${name}: ${JSON.stringify(step)}`, () => {
    assert.deepEqual(nextTokenStep({...nothing, ...situation}), step);
  });
}

const attempt: FailedAttempt = {
  retryable: true,
  retries: 0,
  random: 0.5,
  renewal: false,
  expiresAt: null,
  now,
};
const failures: Array<{name: string; attempt: Partial<FailedAttempt>; then: ReturnType<typeof afterFailure>}> = [
  {name: 'first retryable failure', attempt: {}, then: {retryInMs: 500}},
  {name: 'second retryable failure', attempt: {retries: 1}, then: {retryInMs: 1000}},
  {name: 'third retryable failure', attempt: {retries: 2}, then: {retryInMs: 2000}},
  {name: 'jitter at its lowest', attempt: {random: 0}, then: {retryInMs: 375}},
  {name: 'Retry-After', attempt: {retryAfterMs: 3000}, then: {retryInMs: 3000}},
  {name: 'retries used up', attempt: {retries: 3}, then: null},
  {name: 'a refusal', attempt: {retryable: false}, then: null},
  {
    name: 'a renewal out of retries, a minute left',
    attempt: {retries: 3, renewal: true, expiresAt: now + 60_000},
    then: {renewInMs: 30_000},
  },
  {
    name: 'a renewal out of retries, 10 s left',
    attempt: {retries: 3, renewal: true, expiresAt: now + 10_000},
    then: {renewInMs: 5_000},
  },
  {
    name: 'a renewal out of retries, 1 s left',
    attempt: {retries: 3, renewal: true, expiresAt: now + 1_000},
    then: null,
  },
  {
    name: 'a renewal of a token without exp',
    attempt: {retries: 3, renewal: true, expiresAt: null},
    then: {renewInMs: 30_000},
  },
  {name: 'a renewal refused', attempt: {retryable: false, renewal: true, expiresAt: now + 60_000}, then: null},
];
for (const {name, attempt: change, then} of failures) {
  test(`after a ${name}: ${JSON.stringify(then)}`, () => {
    assert.deepEqual(afterFailure({...attempt, ...change}), then);
  });
}

const delays: Array<{name: string; args: Parameters<typeof requestDelayMs>; delay: number}> = [
  {name: 'the first request', args: ['initial', -Infinity, now], delay: 0},
  {name: 'new values long after the last request', args: ['params', now - 5_000, now], delay: 0},
  {name: 'new values just after the last request', args: ['params', now - 10, now], delay: coalesceMs - 10},
  {name: 'new values as the last request starts', args: ['params', now, now], delay: coalesceMs},
  {
    name: 'a first token asked again (values changed before it came)',
    args: ['initial', now - 40, now],
    delay: coalesceMs - 40,
  },
  {name: 'reload() just after a request', args: ['reload', now - 10, now], delay: 0},
  {name: 'a renewal just after a request', args: ['renew', now - 10, now], delay: 0},
];
for (const {name, args, delay} of delays) {
  test(`request delay, ${name}: ${delay} ms`, () => {
    assert.equal(requestDelayMs(...args), delay);
  });
}
