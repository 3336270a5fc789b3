// `checkWithMetabase`: the handler asks a real Metabase-compatible server (the emulator, on
// loopback) about every token it signs, and turns a refusal into an answer the element
// shows: 424 with Metabase's words, 502 for a failing Metabase, 504 for a silent one.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {ServerResponse} from 'node:http';
import {sampleContent, type EmulatorContent} from '../../emulator/src/index.js';
import {createEmbedHandler, EmbedValidationError, type EmbedHandlerOptions} from '../../src/server/index.js';
import {checkFailure, metabaseCheckUrl, parseMetabaseCheck} from '../../src/server/metabase-check.js';
import {TEST_SECRET, TestEmulator} from '../../support/emulator-node.js';
import {listenOnLoopback, readAnswer, type LoopbackServer} from './support.js';

/** The sample content plus a dashboard and a question that are not published for embedding. */
function contentWithUnpublished(): EmulatorContent {
  const content = sampleContent();
  content.dashboards.push({id: 90, name: 'Unpublished dashboard', dashcards: []});
  content.questions.push({
    id: 900,
    name: 'Unpublished question',
    display: 'scalar',
    query: {source: 'orders', aggregation: [['count']]},
  });
  return content;
}

const RESOURCES: EmbedHandlerOptions['resources'] = {
  'dashboard:1': {locked: () => ({tenant: 'Acme'})},
  'dashboard:90': {},
  'question:900': {},
};

function handlerFor(siteUrl: string, overrides: Partial<EmbedHandlerOptions> = {}) {
  return createEmbedHandler({
    siteUrl,
    secretKey: TEST_SECRET,
    resources: RESOURCES,
    checkWithMetabase: true,
    ...overrides,
  });
}

const ask = (handler: ReturnType<typeof createEmbedHandler>, resource: Record<string, number>) =>
  handler(
    new Request('http://app.test/api/metabase/embed', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({resource}),
    }),
  ).then(readAnswer);

describe('checkWithMetabase against the emulator', () => {
  let emulator: TestEmulator;
  let switchedOff: TestEmulator;
  before(async () => {
    emulator = await TestEmulator.start(contentWithUnpublished());
    switchedOff = await TestEmulator.start({...contentWithUnpublished(), embedding_enabled: false});
  });
  after(async () => {
    await emulator.close();
    await switchedOff.close();
  });

  test('a published item: the signed URL, as without the check', async () => {
    const answer = await ask(handlerFor(emulator.url), {dashboard: 1});
    assert.equal(answer.status, 200, answer.text);
    assert.match(String(answer.body['url']), new RegExp(`^${emulator.url}/embed/dashboard/`));
  });

  test("an unpublished dashboard or question: 424 with Metabase's message", async () => {
    for (const resource of [{dashboard: 90}, {question: 900}]) {
      const answer = await ask(handlerFor(emulator.url), resource);
      assert.deepEqual(
        [answer.status, answer.body],
        [424, {error: 'Metabase refused this embed: Embedding is not enabled for this object.'}],
        JSON.stringify(resource),
      );
    }
  });

  test('embedding switched off in Metabase: 424 "Embedding is not enabled."', async () => {
    const answer = await ask(handlerFor(switchedOff.url), {dashboard: 1});
    assert.deepEqual(
      [answer.status, answer.body],
      [424, {error: 'Metabase refused this embed: Embedding is not enabled.'}],
    );
  });

  test('a regenerated key in Metabase (the host still signs with the old one): 424, and no token leaks', async () => {
    const rotated = await TestEmulator.start(contentWithUnpublished());
    try {
      rotated.setSecretKey('f'.repeat(64));
      const answer = await ask(handlerFor(rotated.url), {dashboard: 1});
      assert.deepEqual(
        [answer.status, answer.body],
        [424, {error: 'Metabase refused this embed: Message seems corrupt or manipulated'}],
      );
    } finally {
      await rotated.close();
    }
  });

  test('without the option, the unpublished item is signed as before (the frame shows the refusal)', async () => {
    const answer = await ask(handlerFor(emulator.url, {checkWithMetabase: false}), {dashboard: 90});
    assert.equal(answer.status, 200, answer.text);
  });
});

describe('checkWithMetabase when Metabase misbehaves', () => {
  let server: LoopbackServer;
  let behaviour: (response: ServerResponse) => void;
  const paths: string[] = [];
  before(async () => {
    server = await listenOnLoopback((request, response) => {
      paths.push(request.url ?? '');
      behaviour(response);
    });
  });
  after(() => server.close());

  test('asks GET /api/embed/card/<token> for a question, /api/embed/dashboard/<token> for a dashboard', async () => {
    behaviour = (response) => response.writeHead(200, {'Content-Type': 'application/json'}).end('{}');
    paths.length = 0;
    const question = await ask(handlerFor(server.origin), {question: 900});
    const dashboard = await ask(handlerFor(server.origin), {dashboard: 90});
    assert.deepEqual([question.status, dashboard.status], [200, 200]);
    assert.deepEqual(
      paths,
      [question, dashboard].map(
        (answer) => `/api/embed/${answer === question ? 'card' : 'dashboard'}/${String(answer.body['token'])}`,
      ),
    );
  });

  test('a 500 from Metabase: 502, which the element retries', async () => {
    behaviour = (response) => response.writeHead(500, {'Content-Type': 'text/plain'}).end('stack trace with secrets');
    const answer = await ask(handlerFor(server.origin), {dashboard: 1});
    assert.deepEqual(
      [answer.status, answer.body],
      [502, {error: 'Metabase answered HTTP 500 when checking this embed'}],
    );
  });

  test('an HTML 404 (a wrong siteUrl path): 424 naming the status, without the page', async () => {
    behaviour = (response) => response.writeHead(404, {'Content-Type': 'text/html'}).end('<h1>Not here</h1>');
    const answer = await ask(handlerFor(server.origin), {dashboard: 1});
    assert.deepEqual([answer.status, answer.body], [424, {error: 'Metabase refused this embed: HTTP 404'}]);
  });

  test("control characters in Metabase's message are cleaned before it reaches the visitor", async () => {
    behaviour = (response) => response.writeHead(400, {'Content-Type': 'text/plain'}).end('Not\u0000 found.\u202e\n');
    const answer = await ask(handlerFor(server.origin), {dashboard: 1});
    assert.deepEqual([answer.status, answer.body], [424, {error: 'Metabase refused this embed: Not found.'}]);
  });

  test('a Metabase that never answers: 504 after the timeout', async () => {
    behaviour = () => undefined; // holds the request open until the server closes
    const answer = await ask(handlerFor(server.origin, {checkWithMetabase: {timeout: 0.2}}), {dashboard: 1});
    assert.deepEqual(
      [answer.status, answer.body],
      [504, {error: 'Metabase did not answer in time to check this embed'}],
    );
  });

  test('a Metabase that is not there: 502', async () => {
    const closed = await listenOnLoopback(() => undefined);
    await closed.close();
    const answer = await ask(handlerFor(closed.origin), {dashboard: 1});
    assert.deepEqual([answer.status, answer.body], [502, {error: 'Metabase could not be reached to check this embed'}]);
  });
});

describe('checkWithMetabase option and pure parts', () => {
  test('true, false, undefined and {timeout}', () => {
    assert.deepEqual(
      [
        parseMetabaseCheck(true),
        parseMetabaseCheck(false),
        parseMetabaseCheck(undefined),
        parseMetabaseCheck({timeout: 1.5}),
      ],
      [5000, undefined, undefined, 1500],
    );
  });

  test('a malformed option is refused at creation, naming it', () => {
    for (const [value, message] of [
      ['yes', /checkWithMetabase must be true, false or \{timeout: seconds above 0 and at most 60\}, got "yes"/],
      [{timeout: 0}, /, got timeout 0$/],
      [{timeout: 61}, /got timeout 61/],
      [{timeout: '5'}, /got timeout "5"/],
      [{retries: 2}, /unknown option retries/],
      [null, /got null/],
    ] as const) {
      assert.throws(
        () =>
          createEmbedHandler({
            siteUrl: 'http://127.0.0.1:1',
            secretKey: TEST_SECRET,
            resources: RESOURCES,
            checkWithMetabase: value as never,
          }),
        (error: unknown) => error instanceof EmbedValidationError && message.test(error.message),
        JSON.stringify(value),
      );
    }
  });

  test('the check URL and the failures', () => {
    assert.equal(
      metabaseCheckUrl('https://bi.example.com/metabase', {type: 'question', id: 'abc'} as never, 'a.b.c'),
      'https://bi.example.com/metabase/api/embed/card/a.b.c',
    );
    assert.deepEqual(
      [
        checkFailure(400, 'Not found.'),
        checkFailure(403),
        checkFailure(503),
        checkFailure('timeout'),
        checkFailure('unreachable'),
      ].map((error) => [error.status, error.message]),
      [
        [424, 'Metabase refused this embed: Not found.'],
        [424, 'Metabase refused this embed: HTTP 403'],
        [502, 'Metabase answered HTTP 503 when checking this embed'],
        [504, 'Metabase did not answer in time to check this embed'],
        [502, 'Metabase could not be reached to check this embed'],
      ],
    );
  });
});
