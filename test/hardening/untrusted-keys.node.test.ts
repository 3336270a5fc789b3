// Filter slugs named after Object.prototype's members (`constructor`, `toString`,
// `__proto__`, …) through every Node path that keys anything by a slug: signing, the
// endpoint's policy (editable, locked, resolver), the emulator's parameter rules over
// HTTP (a locked slug missing from the token is refused with Metabase's message, and no
// other tenant's row is ever answered), and its values endpoint. Tokens are checked with
// jsonwebtoken and signed for the emulator with it, never with our own code.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import {startDemo, type Demo} from '../../demo/demo.js';
import type {EmulatorContent} from '../../emulator/src/index.js';
import {createEmbedHandler, signEmbedToken} from '../../src/server/index.js';
import {TestEmulator, nowSeconds, sign} from '../../support/emulator-node.js';
import {SECRET, decodePayload} from '../server/support.js';
import {SUSPECT_KEYS, prototypeSnapshot, slugArbitrary} from '../support/suspect-keys.js';

const SITE = 'https://metabase.example.com';
const untouched = prototypeSnapshot();
after(() => assert.equal(prototypeSnapshot(), untouched, 'Object.prototype gained or lost a member'));

/** Entries as own properties, whatever the keys (`{[k]: v}` defines `__proto__` as an own key too). */
const objectOf = (entries: readonly (readonly [string, unknown])[]) => Object.fromEntries(entries);
const ownEntries = (value: unknown) => new Map(Object.entries(value as object));
const distinctSlugs = (max: number) => fc.uniqueArray(slugArbitrary, {minLength: 1, maxLength: max});

describe('server helpers with suspect slugs', () => {
  test('signEmbedToken signs exactly the given slugs, own keys only (property)', async () => {
    await fc.assert(
      fc.asyncProperty(distinctSlugs(6), fc.string({maxLength: 8}), async (slugs, value) => {
        const params = objectOf(slugs.map((slug) => [slug, value])) as Record<string, string>;
        const token = await signEmbedToken({secretKey: SECRET, resource: {dashboard: 1}, params});
        const payload = jwt.verify(token, SECRET, {algorithms: ['HS256']}) as jwt.JwtPayload;
        assert.deepEqual(ownEntries(payload['params']), new Map(slugs.map((slug) => [slug, value])));
      }),
      {numRuns: 100},
    );
  });

  test('the endpoint: only editable slugs from the browser, locked values signed as given (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        distinctSlugs(8),
        fc.nat({max: 8}),
        fc.boolean(),
        fc.uniqueArray(slugArbitrary, {maxLength: 4}),
        async (slugs, split, asResolver, requested) => {
          const editable = slugs.slice(0, split);
          const lockedEntries = slugs.slice(split).map((slug) => [slug, `locked-${slug}`] as const);
          const locked = objectOf(lockedEntries) as Record<string, string>;
          const handler = createEmbedHandler({
            siteUrl: SITE,
            secretKey: SECRET,
            resources: {'dashboard:1': {editable, locked: asResolver ? () => locked : locked}},
          });
          const params = objectOf(requested.map((slug) => [slug, `asked-${slug}`]));
          const response = await handler(
            new Request('http://app.test/api/metabase/embed', {
              method: 'POST',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({resource: {dashboard: 1}, params}),
            }),
          );
          const answer = (await response.json()) as {error?: string; token?: string};
          const refused = requested.find((slug) => !editable.includes(slug));
          if (refused !== undefined) {
            assert.equal(response.status, 400, JSON.stringify(answer));
            assert.match(answer.error!, /^Parameter ".*" cannot be set by the browser for dashboard:1/);
            return;
          }
          assert.equal(response.status, 200, JSON.stringify(answer));
          const expected = new Map<string, unknown>([
            ...requested.map((slug) => [slug, `asked-${slug}`] as const),
            ...lockedEntries,
          ]);
          jwt.verify(answer.token!, SECRET, {algorithms: ['HS256']});
          assert.deepEqual(ownEntries(decodePayload(answer.token!)['params']), expected);
        },
      ),
      {numRuns: 150},
    );
  });
});

/** The editable filter (on `region`) of dashboard `index + 1`: the next suspect slug. */
const enabledSlug = (index: number) => SUSPECT_KEYS[(index + 1) % SUSPECT_KEYS.length]!;

/**
 * One dashboard per suspect slug (id and dashcard id `index + 1`): that slug is its locked
 * tenant filter (first in embedding_params, so its rule is checked first), and the next
 * suspect its editable region filter. Rows of two tenants.
 */
function suspectContent(): EmulatorContent {
  const rows = [
    {tenant: 'Acme', region: 'North', amount: 1},
    {tenant: 'Acme', region: 'South', amount: 2},
    {tenant: 'Globex', region: 'East', amount: 3},
    {tenant: 'Globex', region: 'West', amount: 4},
  ];
  return {
    tables: {sales: rows},
    questions: [
      {
        id: 100,
        name: 'Sales',
        display: 'table',
        query: {source: 'sales', fields: ['tenant', 'region', 'amount']},
        enable_embedding: true,
      },
    ],
    dashboards: SUSPECT_KEYS.map((slug, index) => ({
      id: index + 1,
      name: `Locked by ${slug}`,
      enable_embedding: true,
      embedding_params: objectOf([
        [slug, 'locked'],
        [enabledSlug(index), 'enabled'],
      ]) as Record<string, 'locked' | 'enabled'>,
      parameters: [
        {id: 'p-tenant', slug, name: 'Tenant', type: 'string/='},
        {id: 'p-region', slug: enabledSlug(index), name: 'Region', type: 'string/='},
      ],
      dashcards: [
        {
          id: index + 1,
          card_id: 100,
          col: 0,
          row: 0,
          size_x: 12,
          size_y: 6,
          parameter_mappings: [
            {parameter_id: 'p-tenant', column: 'tenant'},
            {parameter_id: 'p-region', column: 'region'},
          ],
        },
      ],
    })),
  };
}

describe('the emulator with a locked parameter slugged after Object.prototype', () => {
  let emulator: TestEmulator;
  before(async () => (emulator = await TestEmulator.start(suspectContent())));
  after(() => emulator.close());

  /** A token for dashboard `index + 1`, whose params are `params`. */
  const token = (index: number, params: Record<string, unknown>) =>
    sign({resource: {dashboard: index + 1}, params, exp: nowSeconds() + 600});

  test('a token without the locked slug is refused; with it, only its tenant’s rows and values (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({max: SUSPECT_KEYS.length - 1}),
        fc.constantFrom<'Acme' | null | undefined>('Acme', null, undefined),
        fc.uniqueArray(slugArbitrary, {maxLength: 3}),
        async (index, tenant, others) => {
          const slug = SUSPECT_KEYS[index]!;
          // The token sets the locked slug (or leaves it out, or null), and maybe other suspects.
          const known = [slug, enabledSlug(index)];
          const extra = others.filter((other) => !known.includes(other)).map((other) => [other, 'x'] as const);
          const params = objectOf([...(tenant === undefined ? [] : [[slug, tenant] as const])]);
          const signed = token(index, params);
          const query = await emulator.get(`/api/embed/dashboard/${signed}/dashcard/${index + 1}/card/100`);
          const values = await emulator.get(`/api/embed/dashboard/${signed}/params/p-region/values`);
          if (tenant !== 'Acme') {
            const message = `You must specify a value for :${slug} in the JWT.`;
            assert.deepEqual([query.status, query.text], [400, message]);
            assert.deepEqual([values.status, values.text], [400, message]);
          } else {
            assert.equal(query.status, 202, query.text);
            const rows = (JSON.parse(query.text) as {data: {rows: unknown[][]}}).data.rows;
            assert.deepEqual(
              rows.map((row) => row[0]),
              ['Acme', 'Acme'],
            );
            assert.equal(values.status, 200, values.text);
            assert.deepEqual((JSON.parse(values.text) as {values: unknown}).values, [['North'], ['South']]);
          }
          // Other suspect slugs in the token are parameters this dashboard does not have.
          if (extra.length > 0) {
            const withExtra = token(index, objectOf([...Object.entries(params), ...extra]));
            const refused = await emulator.get(`/api/embed/dashboard/${withExtra}/dashcard/${index + 1}/card/100`);
            assert.equal(refused.status, 400, refused.text);
          }
        },
      ),
      {numRuns: 120},
    );
  });

  test('a visitor’s query naming the locked slug, or another suspect, is refused (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({max: SUSPECT_KEYS.length - 1}), slugArbitrary, async (index, asked) => {
        const slug = SUSPECT_KEYS[index]!;
        const signed = token(index, objectOf([[slug, 'Acme']]));
        const query = `?${new URLSearchParams([[asked, 'Globex']]).toString()}`;
        const answer = await emulator.get(`/api/embed/dashboard/${signed}/dashcard/${index + 1}/card/100${query}`);
        if (asked === enabledSlug(index)) return assert.equal(answer.status, 202, answer.text);
        assert.equal(answer.status, 400, answer.text);
        assert.equal(
          answer.text,
          asked === slug ? `You can only specify a value for ${slug} in the JWT.` : `Unknown parameter ${asked}.`,
        );
      }),
      {numRuns: 120},
    );
  });
});

describe('the demo’s Embed panel endpoint with bodies that are not plain objects or name suspects', () => {
  let demo: Demo;
  before(async () => (demo = await startDemo({port: 0, env: {}})));
  after(() => demo.close());

  const bodies = [
    'null',
    '[]',
    '"policy"',
    '{"policy": null}',
    '{"policy": []}',
    ...SUSPECT_KEYS.map((slug) => JSON.stringify({policy: {key: 'dashboard:1', editable: [], locked: {[slug]: 'x'}}})),
    ...SUSPECT_KEYS.map((slug) => JSON.stringify({policy: {key: 'dashboard:1', editable: [slug]}})),
  ];
  for (const body of bodies) {
    test(`${body.slice(0, 90)} → 400 with a message`, async () => {
      const response = await fetch(new URL('api/metabase/embed-panel', demo.url), {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Origin: new URL(demo.url).origin},
        body,
      });
      const answer = (await response.json()) as {error?: string};
      assert.equal(response.status, 400, JSON.stringify(answer));
      assert.match(answer.error ?? '', /^(The body must be JSON|policy\.)/);
    });
  }
});
