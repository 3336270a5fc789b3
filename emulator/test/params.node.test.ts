// emulator/README.md#parameters: locked, editable and disabled parameters, each rule with Metabase's exact
// message, on both the dashboard and the question query endpoints.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {
  TestEmulator,
  dashboardToken,
  dashcardPath,
  nowSeconds,
  parameters,
  questionToken,
  sign,
} from '../../support/emulator-node.js';

describe('parameters (emulator/README.md#parameters)', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start()));
  after(() => emulator.close());

  /** Runs the sample dashboard's table card and the sample orders question with these values. */
  async function both(tokenParams: Record<string, unknown>, userParams: Record<string, unknown> = {}) {
    const dashboard = await emulator.get(
      `${dashcardPath(dashboardToken({params: tokenParams}))}${parameters(userParams)}`,
    );
    const question = await emulator.get(
      `/api/embed/card/${questionToken({params: tokenParams})}/query${parameters(userParams)}`,
    );
    return [dashboard, question];
  }

  async function assertRefused(
    message: string,
    tokenParams: Record<string, unknown>,
    userParams: Record<string, unknown> = {},
  ) {
    for (const answer of await both(tokenParams, userParams)) {
      assert.deepEqual([answer.status, answer.type, answer.text], [400, 'text/plain; charset=utf-8', message]);
    }
  }

  async function assertAccepted(tokenParams: Record<string, unknown>, userParams: Record<string, unknown> = {}) {
    for (const answer of await both(tokenParams, userParams)) assert.equal(answer.status, 202, answer.text);
  }

  test('disabled in the token: "You\'re not allowed to specify a value for slug."', async () => {
    await assertRefused("You're not allowed to specify a value for source.", {tenant: 'Acme', source: 'Google'});
  });

  test('disabled in the URL: same message', async () => {
    await assertRefused("You're not allowed to specify a value for source.", {tenant: 'Acme'}, {source: 'Google'});
  });

  test('editable in the token or in the URL is fine', async () => {
    await assertAccepted({tenant: 'Acme', category: 'Gadget'});
    await assertAccepted({tenant: 'Acme'}, {category: 'Gadget'});
  });

  test('editable in both: "You can\'t specify a value for slug if it\'s already set in the JWT."', async () => {
    await assertRefused(
      "You can't specify a value for category if it's already set in the JWT.",
      {tenant: 'Acme', category: 'Gadget'},
      {category: 'Widget'},
    );
  });

  test('locked missing from the token: "You must specify a value for slug in the JWT."', async () => {
    await assertRefused('You must specify a value for :tenant in the JWT.', {});
  });

  test('locked set to null in the token is missing too', async () => {
    await assertRefused('You must specify a value for :tenant in the JWT.', {tenant: null});
  });

  test('locked as [] in the token is allowed and means "no filter"', async () => {
    await assertAccepted({tenant: []});
    const all = await emulator.json(
      `/api/embed/dashboard/${dashboardToken({params: {tenant: []}})}/dashcard/2/card/102`,
    );
    const acme = await emulator.json(
      `/api/embed/dashboard/${dashboardToken({params: {tenant: 'Acme'}})}/dashcard/2/card/102`,
    );
    assert.equal(all.body.data.rows[0][0], 4000); // every sample order
    assert.ok(acme.body.data.rows[0][0] < 4000);
  });

  test('locked also in the URL: "You can only specify a value for slug in the JWT."', async () => {
    await assertRefused('You can only specify a value for tenant in the JWT.', {tenant: 'Acme'}, {tenant: 'Globex'});
  });

  test('not listed in embedding_params: "Unknown parameter slug."', async () => {
    await assertRefused('Unknown parameter colour.', {tenant: 'Acme', colour: 'red'});
    await assertRefused('Unknown parameter colour.', {tenant: 'Acme'}, {colour: 'red'});
  });

  test('blank strings are dropped before checking', async () => {
    await assertAccepted({tenant: 'Acme', source: '  '}, {category: ''});
    await assertRefused('You must specify a value for :tenant in the JWT.', {tenant: ' '});
    // A blank editable value in the token does not block the URL value either.
    await assertAccepted({tenant: 'Acme', category: ''}, {category: 'Gadget'});
  });

  test('plain query parameters work like ?parameters= (repeated keys give lists)', async () => {
    const token = dashboardToken();
    const two = await emulator.json(`${dashcardPath(token, 4, 104)}?category=Gadget&category=Widget`);
    assert.deepEqual(
      two.body.data.rows.map((row: unknown[]) => row[0]),
      ['Gadget', 'Widget'],
    );
    const refused = await emulator.get(`${dashcardPath(token)}?tenant=Globex`);
    assert.equal(refused.text, 'You can only specify a value for tenant in the JWT.');
    // Metabase reads an empty query value as nil, which still counts as set (a blank string would not).
    const blank = await emulator.get(`${dashcardPath(token)}?tenant=`);
    assert.equal(blank.text, 'You can only specify a value for tenant in the JWT.');
  });

  test('token values win: a locked tenant filters every card', async () => {
    const revenue = async (tenant: string) =>
      (await emulator.json(`/api/embed/dashboard/${dashboardToken({params: {tenant}})}/dashcard/1/card/101`)).body.data
        .rows[0][0];
    const [acme, globex] = [await revenue('Acme'), await revenue('Globex')];
    assert.ok(acme > 0 && globex > 0);
    assert.notEqual(acme, globex);
  });

  test('the widget list hides locked, disabled and token-set parameters', async () => {
    const {body} = await emulator.json(
      `/api/embed/dashboard/${dashboardToken({params: {tenant: 'Acme', category: 'Gadget'}})}`,
    );
    assert.deepEqual(
      body.parameters.map((p: {slug: string}) => p.slug),
      ['created_at'],
    );
    const mapped = new Set(
      body.dashcards.flatMap((dc: {parameter_mappings: {parameter_id: string}[]}) =>
        dc.parameter_mappings.map((m) => m.parameter_id),
      ),
    );
    assert.deepEqual([...mapped].sort(), ['p-category', 'p-created-at']); // no tenant or source mappings reach the page
  });

  test('the dashboard itself loads even when the parameters are wrong (its queries refuse them)', async () => {
    const token = sign({resource: {dashboard: 1}, params: {}, exp: nowSeconds() + 600});
    assert.equal((await emulator.get(`/api/embed/dashboard/${token}`)).status, 200);
    assert.equal((await emulator.get(dashcardPath(token))).text, 'You must specify a value for :tenant in the JWT.');
  });
});
