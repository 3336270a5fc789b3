// Errors and status codes (emulator/README.md#errors, #api): every /api/embed refusal is a 400 with the
// message as plain text (even "Not found."), a failed query a 400 with Metabase's JSON
// body, a path no endpoint takes a 404; queries answer 202, other JSON 200.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {sampleContent, type EmulatorContent} from '../src/index.js';
import {
  TestEmulator,
  dashboardToken,
  dashcardPath,
  nowSeconds,
  questionToken,
  sign,
} from '../../support/emulator-node.js';

const token = (resource: Record<string, unknown>) => sign({resource, params: {}, exp: nowSeconds() + 600});

/** The sample content plus items that are unpublished, archived or without filters. */
function contentWithEdgeCases(): EmulatorContent {
  const content = sampleContent();
  const plain = {display: 'scalar' as const, query: {source: 'orders', aggregation: [['count'] as ['count']]}};
  content.questions.push(
    {id: 900, name: 'Unpublished', ...plain},
    {id: 901, name: 'Archived', archived: true, enable_embedding: true, ...plain},
    {id: 902, name: 'Published', enable_embedding: true, ...plain},
  );
  content.dashboards.push(
    {id: 90, name: 'Unpublished dashboard', dashcards: []},
    {id: 91, name: 'Archived dashboard', archived: true, enable_embedding: true, dashcards: []},
  );
  return content;
}

describe('errors (emulator/README.md#errors)', () => {
  let emulator: TestEmulator;
  let switchedOff: TestEmulator;
  before(async () => {
    emulator = await TestEmulator.start(contentWithEdgeCases());
    switchedOff = await TestEmulator.start({...contentWithEdgeCases(), embedding_enabled: false});
  });
  after(async () => {
    await emulator.close();
    await switchedOff.close();
  });

  async function assertError(server: TestEmulator, path: string, message: string) {
    const answer = await server.get(path);
    assert.deepEqual([answer.status, answer.type, answer.text], [400, 'text/plain; charset=utf-8', message], path);
  }

  test('item missing: "Not found." as a 400', async () => {
    await assertError(emulator, `/api/embed/dashboard/${token({dashboard: 404})}`, 'Not found.');
    await assertError(emulator, `/api/embed/card/${token({question: 404})}`, 'Not found.');
    await assertError(emulator, `/api/embed/card/${token({question: 'NoSuchEntityId0000000'})}`, 'Not found.');
  });

  test('a dashcard or card that is not on the dashboard: "Not found."', async () => {
    await assertError(emulator, dashcardPath(dashboardToken(), 6, 101), 'Not found.');
    await assertError(emulator, dashcardPath(dashboardToken(), 99, 106), 'Not found.');
  });

  // Metabase matches path parameters against patterns before any endpoint runs (a token's
  // dotted parts, ids [1-9]\d*): a miss is its fallback 404, a JSON string. A parameter that
  // matches but fails the endpoint's schema is a 400 "Invalid route parameters" as plain text.
  const NO_ENDPOINT = [404, 'application/json; charset=utf-8', '"API endpoint does not exist."'] as const;
  const INVALID = [400, 'text/plain; charset=utf-8', 'Invalid route parameters'] as const;
  const routeCases = (): [string, readonly [number, string, string]][] => {
    const dash = dashboardToken();
    const card = questionToken();
    return [
      [`/api/embed/dashboard/${dash}/nothing-here`, NO_ENDPOINT],
      ['/api/embed/widget/x', NO_ENDPOINT],
      ['/api/nothing', NO_ENDPOINT],
      [`/api/api/embed/dashboard/${dash}`, NO_ENDPOINT],
      [`/api/embed/document/${sign({resource: {document: 1}, params: {}})}`, NO_ENDPOINT],
      ['/api/embed/dashboard', NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/`, NO_ENDPOINT],
      ['/api/embed/dashboard/not-a-jwt', NO_ENDPOINT],
      ['/api/embed/card/a%2Eb%2Ec', NO_ENDPOINT],
      [`/api/embed/pivot/card/${card}/query`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/abc/card/106`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/6/card/0`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/-6/card/106`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/06/card/106`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/6/card/106/csv/more`, NO_ENDPOINT],
      [`/api/embed/card/${card}/query/`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/params//values`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/params/p-category/search/`, NO_ENDPOINT],
      [`/api/embed/dashboard/${dash}/dashcard/6/card/106/xls`, INVALID],
      [`/api/embed/card/${card}/query/pdf`, INVALID],
      [`/api/embed/card/${card}/query/CSV`, INVALID],
      [`/api/embed/card/not.a-valid.token/query/pdf`, INVALID],
      [`/api/embed/dashboard/${dash}/dashcard/9223372036854775808/card/106`, INVALID],
      [`/api/embed/dashboard/${dash}/params/%20/values`, INVALID],
      [`/api/embed/card/${card}/params/p-category/search/%20`, INVALID],
    ];
  };

  test('a path no endpoint takes: 404 "API endpoint does not exist."; a bad route parameter: 400', async () => {
    for (const [path, expected] of routeCases()) {
      const answer = await emulator.get(path);
      assert.deepEqual([answer.status, answer.type, answer.text], [...expected], path);
    }
  });

  test('route parameters that match: the endpoint answers (an id past the safe range is not found)', async () => {
    const dash = dashboardToken();
    await assertError(emulator, `/api/embed/dashboard/${dash}/dashcard/9223372036854775807/card/106`, 'Not found.');
    await assertError(emulator, `/api/embed/dashboard/${dash}/dashcard/12345678901/card/106`, 'Not found.');
    await assertError(emulator, '/api/embed/card/a.b.c/query/csv', 'Message seems corrupt or manipulated');
    const api = await emulator.get(`/api/embed/card/${questionToken()}/query/api`);
    const plain = await emulator.get(`/api/embed/card/${questionToken()}/query`);
    assert.deepEqual([api.status, api.type], [202, 'application/json; charset=utf-8']);
    assert.deepEqual(JSON.parse(api.text), JSON.parse(plain.text));
    const dashcardApi = await emulator.get(`${dashcardPath(dash)}/api`);
    assert.deepEqual(JSON.parse(dashcardApi.text), JSON.parse((await emulator.get(dashcardPath(dash))).text));
  });

  test('item not published: "Embedding is not enabled for this object."', async () => {
    await assertError(
      emulator,
      `/api/embed/card/${token({question: 900})}`,
      'Embedding is not enabled for this object.',
    );
    await assertError(
      emulator,
      `/api/embed/card/${token({question: 900})}/query`,
      'Embedding is not enabled for this object.',
    );
    await assertError(
      emulator,
      `/api/embed/dashboard/${token({dashboard: 90})}`,
      'Embedding is not enabled for this object.',
    );
    // Cards that only live on a published dashboard are not published themselves.
    await assertError(
      emulator,
      `/api/embed/card/${token({question: 101})}`,
      'Embedding is not enabled for this object.',
    );
  });

  test('item archived: "The object has been archived."', async () => {
    await assertError(emulator, `/api/embed/card/${token({question: 901})}/query`, 'The object has been archived.');
    await assertError(emulator, `/api/embed/dashboard/${token({dashboard: 91})}`, 'The object has been archived.');
  });

  test('embedding switched off globally: "Embedding is not enabled."', async () => {
    await assertError(switchedOff, `/api/embed/dashboard/${dashboardToken()}`, 'Embedding is not enabled.');
    await assertError(switchedOff, `/api/embed/card/${token({question: 902})}/query`, 'Embedding is not enabled.');
    await assertError(switchedOff, `/api/embed/dashboard/${token({dashboard: 404})}`, 'Embedding is not enabled.');
  });

  test('queries answer 202 with JSON; items and values answer 200', async () => {
    const cases: [string, number][] = [
      [dashcardPath(dashboardToken()), 202],
      [`/api/embed/card/${questionToken()}/query`, 202],
      [`/api/embed/card/${token({question: 902})}/query`, 202],
      [`/api/embed/dashboard/${dashboardToken()}`, 200],
      [`/api/embed/card/${questionToken()}`, 200],
      [`/api/embed/dashboard/${dashboardToken()}/params/p-category/values`, 200],
    ];
    for (const [path, status] of cases) {
      const answer = await emulator.get(path);
      assert.deepEqual([answer.status, answer.type], [status, 'application/json; charset=utf-8'], path);
    }
  });

  test('a malformed parameters value is a clear 400', async () => {
    await assertError(
      emulator,
      `${dashcardPath(dashboardToken())}?parameters=${encodeURIComponent('["Gadget"]')}`,
      'The `parameters` query parameter must be a JSON object of slug → value.',
    );
  });

  test('a remapping without `value`: a 400 naming the missing query parameter', async () => {
    const path = `/api/embed/dashboard/${dashboardToken()}/params/p-category/remapping`;
    await assertError(emulator, path, 'The `value` query parameter is required.');
    assert.equal((await emulator.get(`${path}?value=Widget`)).status, 200);
  });

  test("a query that fails answers 400 with Metabase's JSON body, not plain text", async () => {
    const failed = {
      status: 'failed',
      error: 'Don\'t know how to parse date string "soon"',
      error_type: 'invalid-parameter',
    };
    for (const path of [
      `${dashcardPath(dashboardToken())}?created_at=soon`,
      `/api/embed/card/${questionToken()}/query?created_at=soon`,
    ]) {
      const answer = await emulator.get(path);
      assert.deepEqual(
        [answer.status, answer.type, JSON.parse(answer.text)],
        [400, 'application/json; charset=utf-8', failed],
        path,
      );
    }
  });
});
