// Runs the ported cases of Metabase's embed tests against a real emulator over HTTP on
// loopback, with tokens signed by jsonwebtoken. Each case names the Metabase test it comes
// from (`deftest › testing`) and, where one test runs several variants, which one.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {sign, TestEmulator, type Answer} from '../../../support/emulator-node.js';
import {portedContent} from './content.js';

/** The Metabase commit the cases were read at (metabase/metabase). */
export const METABASE_COMMIT = '02207ba7aa05fa258c3b16b9255a43b4ffe8dc2f';

export interface Case {
  /** `deftest-name › testing text` of the Metabase test. */
  from: string;
  /** Which of the test's variants (response format, entity id, …), if it runs several. */
  variant?: string;
  /** Runs with `embedding_enabled: false` (Metabase's `enable-embedding false`). */
  embeddingOff?: boolean;
  path: () => string;
  status: number;
  /** The exact plain-text body, or a pattern it must match. */
  text?: string | RegExp;
  /** Further checks of the answer. */
  check?: (answer: Answer) => void;
}

const OTHER_SECRET = 'fedcba9876543210'.repeat(4);

/** `sign` of embed_test.clj: the claims as given (no exp), signed with the emulator's secret or another one. */
export const token = (claims: object, wrongKey = false) => (wrongKey ? sign(claims, {}, OTHER_SECRET) : sign(claims));
export const cardToken = (id: number | string, extra: object = {}, wrongKey = false) =>
  token({resource: {question: id}, params: {}, ...extra}, wrongKey);
export const dashToken = (id: number | string, extra: object = {}, wrongKey = false) =>
  token({resource: {dashboard: id}, params: {}, ...extra}, wrongKey);

/** `path` with more query parameters, after `?` or `&` as the path needs. */
export const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

/** Metabase's `card-query-url`: downloads carry `?format_rows=true`. */
export function cardQueryPath(id: number | string, format: Format, extra: object = {}, wrongKey = false): string {
  return `/api/embed/card/${cardToken(id, extra, wrongKey)}/query${format}${format ? '?format_rows=true' : ''}`;
}

export type Format = '' | '/json' | '/csv' | '/xlsx';
/** The formats whose results the emulator writes; `/xlsx` only gets as far as the checks. */
export const FORMATS: Format[] = ['', '/json', '/csv'];
export const formatName = (format: Format) => `response-format = ${JSON.stringify(format)}`;

/** Metabase's `test-query-results`: a count of the 100 venues, in each response format. */
export function countOf100(format: Format): (answer: Answer) => void {
  return (answer) => {
    if (format === '/csv') return assert.equal(answer.text, 'Count\n100\n');
    if (format === '/json') return assert.deepEqual(JSON.parse(answer.text), [{Count: '100'}]);
    const body = JSON.parse(answer.text);
    assert.equal(body.status, 'completed');
    assert.deepEqual(body.json_query, {});
    assert.deepEqual(body.data.rows, [[100]]);
    assert.equal(body.data.insights, null);
    assert.equal(body.data.results_timezone, 'UTC');
    assert.deepEqual(body.data.cols, [{name: 'count', display_name: 'Count', base_type: 'type/BigInteger'}]);
  };
}

/** A query answer's rows. */
export const rowsOf = (answer: Answer) => JSON.parse(answer.text).data.rows as unknown[][];
export const rows = (expected: unknown[][]) => (answer: Answer) => assert.deepEqual(rowsOf(answer), expected);
export const jsonBody = (answer: {text: string}) => JSON.parse(answer.text);

/** Registers one node test per case, against emulators holding the ported content. */
export function portedCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    let on: TestEmulator;
    let off: TestEmulator;
    before(async () => {
      [on, off] = await Promise.all([TestEmulator.start(portedContent()), TestEmulator.start(portedContent(false))]);
    });
    after(() => Promise.all([on.close(), off.close()]));
    for (const item of cases) {
      test(`${item.from}${item.variant ? ` [${item.variant}]` : ''}`, async () => {
        const answer = await (item.embeddingOff ? off : on).get(item.path());
        assert.equal(answer.status, item.status, answer.text);
        if (typeof item.text === 'string') assert.equal(answer.text, item.text);
        else if (item.text) assert.match(answer.text, item.text);
        item.check?.(answer);
      });
    }
  });
}
