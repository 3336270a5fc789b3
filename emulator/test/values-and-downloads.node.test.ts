// Rules of Metabase's embed API that its own tests leave unexercised: a label
// (`…/remapping?value=`) is looked up among the rows the *locked* values allow, whatever
// else the token sets; a dashboard's values refuse a query string key that is no parameter
// id and a token slug no parameter has; downloads are not held to the 2,000-row cap.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {EmulatorContent} from '../src/index.js';
import {TestEmulator, sign} from '../../support/emulator-node.js';

const people = Array.from({length: 2100}, (_, index) => ({
  id: index + 1,
  name: `Person ${index + 1}`,
  tenant: index % 2 ? 'south' : 'north',
  state: index % 3 ? 'TX' : 'AK',
}));

const content: EmulatorContent = {
  tables: {people},
  remappings: {people: {id: 'name'}},
  questions: [{id: 7, name: 'People', display: 'table', query: {source: 'people'}, enable_embedding: true}],
  dashboards: [
    {
      id: 3,
      name: 'People',
      enable_embedding: true,
      embedding_params: {tenant: 'locked', state: 'enabled', person: 'enabled', retired: 'enabled'},
      parameters: [
        {id: 't', slug: 'tenant', name: 'Tenant', type: 'string/='},
        {id: 's', slug: 'state', name: 'State', type: 'string/='},
        {id: 'p', slug: 'person', name: 'Person', type: 'id'},
      ],
      dashcards: [
        {
          id: 30,
          card_id: 7,
          ...{col: 0, row: 0, size_x: 12, size_y: 6},
          parameter_mappings: [
            {parameter_id: 't', column: 'tenant'},
            {parameter_id: 's', column: 'state'},
            {parameter_id: 'p', column: 'id'},
          ],
        },
      ],
    },
  ],
};

describe('values, remapping and downloads beyond the ported cases', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start(content)));
  after(() => emulator.close());

  const remap = async (params: object, value: string) => {
    const token = sign({resource: {dashboard: 3}, params});
    return (await emulator.json(`/api/embed/dashboard/${token}/params/p/remapping?value=${value}`)).body;
  };

  test('a label is found among the rows the locked value allows, not narrowed by an editable one', async () => {
    // Person 1 is in tenant north and state AK; the token also sets state TX (editable).
    assert.deepEqual(await remap({tenant: 'north', state: 'TX'}, '1'), [1, 'Person 1']);
    assert.deepEqual(await remap({tenant: 'south'}, '1'), ['1']);
  });

  test('values refuse an unknown parameter id in the query string, and a token slug no parameter has', async () => {
    const values = (params: object, query = '') =>
      emulator.get(`/api/embed/dashboard/${sign({resource: {dashboard: 3}, params})}/params/p/values${query}`);
    const unknownId = await values({tenant: 'north'}, '?state=TX');
    assert.deepEqual(
      [unknownId.status, unknownId.text],
      [400, 'Invalid query params: could not determine slug for parameter with ID "state"'],
    );
    const narrowed = await values({tenant: 'north'}, '?s=TX');
    assert.equal(narrowed.status, 200);
    const noParameter = await values({tenant: 'north', retired: 'yes'});
    assert.deepEqual(
      [noParameter.status, noParameter.text],
      [400, 'The parameter retired does not exist on this dashboard.'],
    );
  });

  test('a download has every row; a query answer at most 2,000', async () => {
    const token = sign({resource: {question: 7}, params: {}});
    const csv = await emulator.get(`/api/embed/card/${token}/query/csv`);
    assert.equal(csv.text.trimEnd().split('\n').length, 2101);
    const answer = await emulator.json(`/api/embed/card/${token}/query`);
    assert.equal(answer.body.data.rows.length, 2000);
  });
});
