// Thousands of random bodies (fast-check) at the token endpoint over loopback HTTP: bodies
// near the expected shape (so the policy checks run, not only the JSON parser), any JSON
// value, and random bytes. Each answer must pass assertSafeAnswer. A failure prints its
// seed and the shrunk body; FUZZ_SEED=<seed> replays it.
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {ENTITY_ID, assertSafeAnswer, postRaw, serveAttackEndpoint, type AttackServer} from './endpoint-support.js';

let server: AttackServer;
before(async () => (server = await serveAttackEndpoint()));
after(async () => {
  await server.close();
  assert.deepEqual(server.failures, [], 'no request reached onError (a 500)');
});

const seed = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : Date.now() % 2 ** 31;

const slug = fc.oneof(
  {arbitrary: fc.constantFrom('category', 'state'), weight: 3},
  fc.constantFrom('category', 'tenant', 'state', 'region', '__proto__', 'constructor', 'prototype', 'tеnant', ''),
  fc.string({maxLength: 12}),
);
const scalar = fc.oneof(fc.string({maxLength: 20}), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const paramValue = fc.oneof(
  {arbitrary: scalar, weight: 3},
  fc.array(scalar, {maxLength: 4}),
  fc.jsonValue({maxDepth: 3}),
);
const resourceId = fc.oneof(
  fc.constantFrom<unknown>(12, '12', 13, ENTITY_ID, ENTITY_ID.slice(1), -12, 0, 12.5, 2 ** 53, '012', [12], {}),
  fc.integer(),
  fc.string({maxLength: 24}),
);
const resource = fc.oneof(
  {arbitrary: fc.constantFrom({dashboard: 12}, {question: ENTITY_ID}), weight: 3},
  fc.record({dashboard: resourceId}),
  fc.record({question: resourceId}),
  fc.record({dashboard: resourceId, question: resourceId}),
  fc.dictionary(fc.string({maxLength: 10}), resourceId, {maxKeys: 3}),
  fc.jsonValue({maxDepth: 2}),
);
/** Objects shaped like the element's request, fields sometimes missing or wrong. */
const nearBody = fc
  .record(
    {resource, params: fc.oneof(fc.dictionary(slug, paramValue, {maxKeys: 5}), fc.jsonValue({maxDepth: 2}))},
    {requiredKeys: []},
  )
  .map((body) => JSON.stringify(body));
/** Near-shaped text with a random cut or a duplicated key spliced in. */
const mangledBody = fc
  .tuple(nearBody, fc.nat(), fc.constantFrom('', ',"params":{"tenant":9}', ',"resource":{"dashboard":13}', '}'))
  .map(([text, cut, splice]) => {
    const at = text.length === 0 ? 0 : cut % text.length;
    return text.slice(0, at) + (splice && text.endsWith('}') ? splice + text.slice(at) : '');
  });
const anyJson = fc.jsonValue({maxDepth: 4}).map((value) => JSON.stringify(value));

/** Sends one body, checks its answer, and returns the status. */
async function checkBody(body: string | Uint8Array): Promise<number> {
  const answer = await postRaw(server.url, body);
  assertSafeAnswer(answer, typeof body === 'string' ? body.slice(0, 200) : `${body.length} random bytes`);
  return answer.status;
}

function property(name: string, arbitrary: fc.Arbitrary<string | Uint8Array>, numRuns: number) {
  test(`${name} (${numRuns} runs)`, async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const status = await checkBody(body);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
      {numRuns, seed, endOnFailure: true},
    );
    console.log(`  ${name}: answers by status ${JSON.stringify(statuses)}`);
  });
}

console.log(`endpoint fuzz: seed ${seed} (replay with FUZZ_SEED=${seed})`);

property('bodies near the request shape', nearBody, 1500);
property('near-shaped bodies cut or spliced with a second key', mangledBody, 600);
property('any JSON value', anyJson, 500);
property('random bytes', fc.uint8Array({maxLength: 300}), 400);

test('the fuzzed bodies reached the signer: valid ones were granted', async () => {
  // A fuzz that never passes the checks proves little: a sample of granted requests.
  const granted = fc.sample(
    fc.record({
      resource: fc.constant({dashboard: 12}),
      params: fc.dictionary(
        fc.constant('category'),
        scalar.filter((value) => value !== null),
        {maxKeys: 1},
      ),
    }),
    {numRuns: 50, seed},
  );
  for (const body of granted) {
    const answer = await postRaw(server.url, JSON.stringify(body));
    assert.equal(answer.status, 200, answer.text);
    assertSafeAnswer(answer, JSON.stringify(body));
  }
});
