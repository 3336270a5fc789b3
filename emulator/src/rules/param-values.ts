// Values for an editable filter's widget (`…/params/:paramId/values` and `/search/:prefix`)
// and the label of one value (`…/remapping?value=`), as Metabase's
// embedding_rest/api/common.clj serves them (read at 02207ba):
// - a dashboard's values are narrowed by every other filter value the token and the query
//   string set (linked filters), the query string keyed by parameter id and checked by the
//   same rules as a query (`validateAndMergeParams`); a label is looked up among the rows
//   the locked values allow;
// - a question's values are narrowed by the token's locked values only (Metabase reads no
//   query string there), and a locked slug no parameter of the question has is refused.
// Values of a remapped column come as `[value, label]` pairs; numbers sort as numbers.
import {fail} from './api-errors.js';
import {ownValue} from './plain-object.js';
import type {ContentStore} from '../content/store.js';
import type {
  CellValue,
  DashboardDef,
  EmbeddingParams,
  ParameterDef,
  QuestionDef,
  Row,
  StaticListValue,
} from '../content/schema.js';
import {filtersFor, mappedColumn} from './parameter-filters.js';
import {validateAndMergeParams, type ParamMap} from './param-merge.js';
import {rowFilter, type Filter} from '../query/filters.js';

/** A source table, the column the parameter filters, its label column, and the filters that apply there. */
interface ValueSource {
  rows: readonly Row[];
  column: string;
  label: string | undefined;
  filters: Filter[];
}

/** Metabase's values answer: each value in a list, with its label when it has one. */
export interface ValuesAnswer {
  values: (CellValue | string)[][];
  has_more_values: boolean;
}

const LIMIT = 1000;

// Clojure's pr-str of the slug: "tenant" quoted, or nil when the id matches no parameter.
const prStr = (slug: string | undefined) => (slug === undefined ? 'nil' : JSON.stringify(slug));

/** What a request asks of a parameter: its values (and search), or one value's label. */
export type ValuesVerb = 'values' | 'remapping';
const REFUSAL: Record<ValuesVerb, string> = {
  values: 'Cannot search for values',
  remapping: 'Cannot get remapped value for parameter',
};

/**
 * The parameter a request asks about, its item's parameters and embedding settings. Metabase
 * only serves values of enabled parameters the token does not set.
 */
function searchedParameter<P extends ParameterDef>(
  item: {parameters?: P[] | undefined; embedding_params?: EmbeddingParams | undefined},
  tokenParams: ParamMap,
  request: ValuesRequest,
) {
  const parameters = item.parameters ?? [];
  const embeddingParams = item.embedding_params ?? {};
  const parameter = parameters.find((p) => p.id === request.paramId);
  const slug = parameter?.slug;
  if (!parameter || embeddingParams[parameter.slug] !== 'enabled') {
    fail(`${REFUSAL[request.verb]}: ${prStr(slug)} is not an enabled parameter.`);
  }
  const tokenValue = ownValue(tokenParams, parameter.slug);
  if (tokenValue !== undefined && tokenValue !== null && tokenValue !== false) {
    fail(`You can't specify a value for ${prStr(slug)} if it's already set in the JWT.`);
  }
  return {parameter, parameters, embeddingParams};
}

export function tableRows(store: ContentStore, source: string): readonly Row[] {
  return store.tables[source] ?? [];
}

/** Numbers by value, everything else by its text, code point by code point (as Metabase's sort). */
function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

const matches = (needle: string | undefined, ...texts: (CellValue | undefined)[]) =>
  !needle || texts.some((text) => text !== undefined && String(text).toLowerCase().includes(needle));

/** Where a parameter's values come from: its static list, or columns of the cards' tables. */
type Lookup = {values: readonly StaticListValue[]} | {sources: ValueSource[]};

function staticList(parameter: ParameterDef): Lookup | undefined {
  return parameter.values_source_type === 'static-list'
    ? {values: parameter.values_source_config?.values ?? []}
    : undefined;
}

/** `now` (epoch ms) anchors relative date values among the filters. */
function listValues(lookup: Lookup, now: number, prefix: string | undefined): ValuesAnswer {
  const needle = prefix?.toLowerCase();
  let values: (CellValue | string)[][];
  if ('values' in lookup) {
    values = lookup.values.map((value) => (Array.isArray(value) ? [...value] : [value]));
    values = values.filter((pair) => matches(needle, ...pair));
  } else {
    const found = new Map<CellValue, CellValue | undefined>();
    for (const {rows, column, label, filters} of lookup.sources) {
      const keep = rowFilter(filters, now);
      for (const row of rows) {
        const value = row[column];
        if (value === null || value === undefined || !keep(row)) continue;
        if (found.get(value) === undefined) found.set(value, label ? row[label] : undefined);
      }
    }
    values = [...found]
      .filter(([value, label]) => matches(needle, value, label))
      .sort(([a], [b]) => compareValues(a, b))
      .map(([value, label]) => (label === undefined || label === null ? [value] : [value, label]));
  }
  return {values: values.slice(0, LIMIT), has_more_values: values.length > LIMIT};
}

/** `[value, label]` when a row the filters allow (or the static list) labels `value`, else `[value]`. */
function remapValue(lookup: Lookup, now: number, value: string): (CellValue | string)[] {
  if ('values' in lookup) {
    const entry = lookup.values.find((item) => String(Array.isArray(item) ? item[0] : item) === value);
    return Array.isArray(entry) ? [...entry] : [value];
  }
  for (const {rows, column, label, filters} of lookup.sources) {
    if (!label) continue;
    const keep = rowFilter(filters, now);
    const row = rows.find((candidate) => String(candidate[column]) === value && keep(candidate));
    if (row && row[label] !== null && row[label] !== undefined) return [row[column]!, row[label]];
  }
  return [value];
}

/** The query string's values by parameter id, as slug → value ("" is nil, a repeated key a list). */
function slugParamsFromIds(query: URLSearchParams, parameters: readonly ParameterDef[]): ParamMap {
  const params: ParamMap = Object.create(null) as ParamMap; // slugs such as __proto__ are plain keys
  for (const id of new Set(query.keys())) {
    const parameter = parameters.find((p) => p.id === id);
    if (!parameter) fail(`Invalid query params: could not determine slug for parameter with ID ${JSON.stringify(id)}`);
    const values = query.getAll(id).map((value) => (value === '' ? null : value));
    params[parameter.slug] = values.length === 1 ? values[0] : values;
  }
  return params;
}

export interface ValuesRequest {
  paramId: string;
  verb: ValuesVerb;
  /** The search text (`…/search/:prefix`). */
  prefix?: string | undefined;
  /** The query string: other filters' values by parameter id, or `value` for a remapping. */
  query: URLSearchParams;
  /** The emulator's clock, epoch ms. */
  now: number;
}

export type ValuesResult = ValuesAnswer | (CellValue | string)[];

function respond(lookup: Lookup, request: ValuesRequest): ValuesResult {
  if (request.verb === 'values') return listValues(lookup, request.now, request.prefix);
  const value = request.query.get('value');
  if (value === null) fail('The `value` query parameter is required.');
  return remapValue(lookup, request.now, value);
}

export function dashboardValues(
  store: ContentStore,
  dashboard: DashboardDef,
  tokenParams: ParamMap,
  request: ValuesRequest,
): ValuesResult {
  const {parameter, parameters, embeddingParams} = searchedParameter(dashboard, tokenParams, request);
  // A remapping reads no other filter from the query string, and is narrowed by locked values only.
  const fromQuery = request.verb === 'values' ? slugParamsFromIds(request.query, parameters) : {};
  const merged = validateAndMergeParams(embeddingParams, tokenParams, fromQuery);
  const constraints: ParamMap = Object.create(null) as ParamMap; // slugs such as __proto__ are plain keys
  for (const [slug, value] of Object.entries(merged)) {
    if (value === null || value === undefined || value === false) continue; // Metabase keeps truthy values only
    if (!parameters.some((p) => p.slug === slug)) fail(`The parameter ${slug} does not exist on this dashboard.`);
    if (request.verb === 'remapping' && embeddingParams[slug] !== 'locked') continue;
    if (slug !== parameter.slug) constraints[slug] = value;
  }
  const sources = dashboard.dashcards.flatMap((dashcard): ValueSource[] => {
    const column = mappedColumn(dashcard)(parameter);
    const question = store.question(dashcard.card_id);
    if (!column || !question) return [];
    const source = question.query.source;
    return [
      {
        rows: tableRows(store, source),
        column,
        label: store.remappings[source]?.[column],
        filters: filtersFor(constraints, parameters, mappedColumn(dashcard), false),
      },
    ];
  });
  return respond(staticList(parameter) ?? {sources}, request);
}

export function questionValues(
  store: ContentStore,
  question: QuestionDef,
  tokenParams: ParamMap,
  request: ValuesRequest,
): ValuesResult {
  const {parameter, parameters, embeddingParams} = searchedParameter(question, tokenParams, request);
  const locked: ParamMap = Object.create(null) as ParamMap; // slugs such as __proto__ are plain keys
  for (const [slug, value] of Object.entries(tokenParams)) {
    if (embeddingParams[slug] !== 'locked') continue;
    if (!parameters.some((p) => p.slug === slug)) fail(`The parameter ${slug} does not exist on this card.`);
    const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) locked[slug] = value;
  }
  const source = question.query.source;
  const sources = [
    {
      rows: tableRows(store, source),
      column: parameter.column,
      label: store.remappings[source]?.[parameter.column],
      filters: filtersFor(locked, parameters, (p) => p.column, false),
    },
  ];
  return respond(staticList(parameter) ?? {sources}, request);
}
