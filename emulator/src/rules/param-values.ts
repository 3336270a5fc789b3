// Values for an editable filter's widget (`…/params/:paramId/values` and `/search/:prefix`).
// Values are limited by the token's own values (e.g. its locked tenant), so one tenant's
// embed never lists another tenant's data.
import {fail} from './errors.js';
import type {ContentStore} from '../content/store.js';
import type {CellValue, EmbeddingParams, ParameterDef, Row} from '../content/types.js';
import type {ParamMap} from './params.js';
import {rowFilter, type Filter} from '../query/filters.js';

/** A source table, the column the parameter filters, and the token filters that apply there. */
export interface ValueSource {
  rows: readonly Row[];
  column: string;
  tokenFilters: Filter[];
}

// Clojure's pr-str of the slug: "tenant" quoted, or nil when the id matches no parameter.
const prStr = (slug: string | undefined) => (slug === undefined ? 'nil' : JSON.stringify(slug));

/** Metabase only lists values of enabled parameters the token does not set. */
export function checkSearchable<P extends ParameterDef>(
  parameter: P | undefined,
  embeddingParams: EmbeddingParams,
  tokenParams: ParamMap,
): P {
  const slug = parameter?.slug;
  if (!parameter || embeddingParams[parameter.slug] !== 'enabled') {
    fail(`Cannot search for values: ${prStr(slug)} is not an enabled parameter.`);
  }
  const tokenValue = tokenParams[parameter.slug];
  if (tokenValue !== undefined && tokenValue !== null && tokenValue !== false) {
    fail(`You can't specify a value for ${prStr(slug)} if it's already set in the JWT.`);
  }
  return parameter;
}

export function tableRows(store: ContentStore, source: string): readonly Row[] {
  return store.tables[source] ?? [];
}

/** `now` (epoch ms) anchors relative date values among the token's filters. */
export function distinctValues(sources: readonly ValueSource[], now: number, prefix?: string) {
  const values = new Set<CellValue>();
  for (const {rows, column, tokenFilters} of sources) {
    const keep = rowFilter(tokenFilters, now);
    for (const row of rows) if (keep(row) && row[column] !== null && row[column] !== undefined) values.add(row[column]);
  }
  const needle = prefix?.toLowerCase();
  const matching = [...values].filter((value) => !needle || String(value).toLowerCase().includes(needle));
  matching.sort((a, b) => String(a).localeCompare(String(b)));
  const limit = 1000;
  return {values: matching.slice(0, limit).map((value) => [value]), has_more_values: matching.length > limit};
}
