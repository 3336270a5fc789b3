// The JSON API of the embed page (emulator/README.md#api). Every request re-checks its token; a
// refusal is a 400 with the message as plain text (emulator/README.md#errors), a query that fails a 400 with
// Metabase's JSON body `{"status":"failed",…}`; query results answer 202.
import {EmbedError, fail, NOT_FOUND, QueryFailedError} from '../rules/errors.js';
import type {ContentStore} from '../content/store.js';
import type {DashboardDef, DashcardDef, EmbeddingParams, ParameterDef, QuestionDef} from '../content/types.js';
import {publishedDashboard, publishedQuestion} from '../rules/items.js';
import {checkSearchable, distinctValues, tableRows} from '../rules/param-values.js';
import {
  tokenParamsFromClaims,
  userParamsFromQuery,
  validateAndMergeParams,
  withDefaults,
  type ParamMap,
} from '../rules/params.js';
import {presentDashboard, presentQuestion} from '../rules/present.js';
import {runQuery, type QueryResult} from '../query/engine.js';
import {EXPORT_FORMATS, toCsv, toJsonRows} from '../query/export.js';
import type {Filter} from '../query/filters.js';
import type {ApiRoute} from './routes.js';
import {verifyEmbedToken, type EmbedClaims} from '../rules/token.js';

type ValuesRoute = Extract<ApiRoute, {kind: 'param-values'}>;

export interface ApiAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface EmbedApiOptions {
  store: ContentStore;
  /** The current secret's HMAC key, read per request (the secret can be regenerated). */
  key: () => Uint8Array;
  /** The emulator's clock, epoch milliseconds: token checks and download names read it. */
  now: () => number;
}

const json = (value: unknown, status = 200): ApiAnswer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});
const text = (message: string, status = 400): ApiAnswer => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: message,
});

/** Filters for the values in `params` whose parameter maps to a column of this card. */
function filtersFor<P extends ParameterDef>(
  params: ParamMap,
  parameters: readonly P[],
  columnOf: (parameter: P) => string | undefined,
  strict: boolean,
): Filter[] {
  const filters: Filter[] = [];
  for (const [slug, value] of Object.entries(params)) {
    const parameter = parameters.find((p) => p.slug === slug);
    if (!parameter) {
      if (!strict) continue;
      fail(
        `No matching parameter with slug ${JSON.stringify(slug)}. Found: (${parameters.map((p) => JSON.stringify(p.slug)).join(' ')})`,
      );
    }
    const column = columnOf(parameter);
    if (column) filters.push({slug, type: parameter.type, column, value});
  }
  return filters;
}

/** The column a dashcard maps a dashboard parameter to, if any. */
const mappedColumn = (dashcard: DashcardDef) => (parameter: ParameterDef) =>
  dashcard.parameter_mappings?.find((mapping) => mapping.parameter_id === parameter.id)?.column;

/** The parameter a values request asks about, checked, and the token's own (merged) values. */
function valuesRequest<P extends ParameterDef>(
  item: {parameters?: P[]; embedding_params?: EmbeddingParams},
  claims: EmbedClaims,
  paramId: string,
) {
  const tokenParams = tokenParamsFromClaims(claims);
  const parameters = item.parameters ?? [];
  const embeddingParams = item.embedding_params ?? {};
  const parameter = checkSearchable(
    parameters.find((p) => p.id === paramId),
    embeddingParams,
    tokenParams,
  );
  return {parameters, parameter, tokenValues: validateAndMergeParams(embeddingParams, tokenParams, {})};
}

function dashcardOf(dashboard: DashboardDef, dashcardId: number, cardId: number) {
  const dashcard = dashboard.dashcards.find((dc) => dc.id === dashcardId && dc.card_id === cardId);
  return dashcard ?? fail(NOT_FOUND);
}

/** The injected clock's reading, refused unless it is a usable time (a NaN would pass every check). */
function readClock(now: () => number): number {
  const ms = now();
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new TypeError(`The emulator's now() must return epoch milliseconds as a finite number (got ${String(ms)}).`);
  return ms;
}

/** `started`: the clock's time for the file name; `startedTick`: a monotonic start for running_time. */
function queryAnswer(
  result: QueryResult,
  context: string,
  started: number,
  startedTick: number,
  format: string | undefined,
): ApiAnswer {
  if (format === undefined) {
    return json(
      {
        data: {rows: result.rows, cols: result.cols, results_timezone: 'UTC'},
        row_count: result.rows.length,
        status: 'completed',
        context,
        running_time: Math.round(performance.now() - startedTick),
      },
      202,
    );
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(NOT_FOUND);
  if (format === 'xlsx') fail('The emulator does not produce xlsx downloads; use csv or json.');
  const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
  const answer =
    format === 'csv'
      ? {status: 200, contentType: 'text/csv; charset=utf-8', body: toCsv(result)}
      : {status: 200, contentType: 'application/json; charset=utf-8', body: toJsonRows(result)};
  return {...answer, headers: {'Content-Disposition': `attachment; filename="query_result_${stamp}.${format}"`}};
}

export function createEmbedApi({store, key, now}: EmbedApiOptions) {
  const card = (id: number) => store.question(id);
  const cardOrFail = (id: number): QuestionDef => card(id) ?? fail(NOT_FOUND);

  async function answer(route: ApiRoute, query: URLSearchParams): Promise<ApiAnswer> {
    const startedTick = performance.now();
    const started = readClock(now);
    const claims = await verifyEmbedToken(route.token, key(), Math.floor(started / 1000));
    // A dashboard card's query and a question's run and answer the same way.
    const answerQuery = (question: QuestionDef, filters: Filter[], context: string) =>
      queryAnswer(
        runQuery(question.query, tableRows(store, question.query.source), filters, started),
        context,
        started,
        startedTick,
        'format' in route ? route.format : undefined,
      );
    switch (route.kind) {
      case 'dashboard': {
        const dashboard = publishedDashboard(store, claims);
        return json(presentDashboard(dashboard, tokenParamsFromClaims(claims), card));
      }
      case 'card': {
        const question = publishedQuestion(store, claims);
        return json(presentQuestion(question, tokenParamsFromClaims(claims)));
      }
      case 'dashcard-query': {
        const dashboard = publishedDashboard(store, claims);
        const merged = validateAndMergeParams(
          dashboard.embedding_params ?? {},
          tokenParamsFromClaims(claims),
          userParamsFromQuery(query),
        );
        const dashcard = dashcardOf(dashboard, route.dashcardId, route.cardId);
        const question = cardOrFail(dashcard.card_id);
        const parameters = dashboard.parameters ?? [];
        const filters = filtersFor(withDefaults(merged, parameters), parameters, mappedColumn(dashcard), true);
        return answerQuery(question, filters, 'embedded-dashboard');
      }
      case 'card-query': {
        const question = publishedQuestion(store, claims);
        const merged = validateAndMergeParams(
          question.embedding_params ?? {},
          tokenParamsFromClaims(claims),
          userParamsFromQuery(query),
        );
        const parameters = question.parameters ?? [];
        const filters = filtersFor(withDefaults(merged, parameters), parameters, (p) => p.column, false);
        return answerQuery(question, filters, 'embedded-question');
      }
      case 'param-values':
        return json(
          route.resource === 'dashboard'
            ? dashboardValues(route, claims, started)
            : questionValues(route, claims, started),
        );
    }
  }

  function dashboardValues(route: ValuesRoute, claims: EmbedClaims, now: number) {
    const dashboard = publishedDashboard(store, claims);
    const {parameters, parameter, tokenValues} = valuesRequest(dashboard, claims, route.paramId);
    const sources = dashboard.dashcards.flatMap((dashcard) => {
      const column = mappedColumn(dashcard)(parameter);
      const question = card(dashcard.card_id);
      if (!column || !question) return [];
      return [
        {
          rows: tableRows(store, question.query.source),
          column,
          tokenFilters: filtersFor(tokenValues, parameters, mappedColumn(dashcard), false),
        },
      ];
    });
    return distinctValues(sources, now, route.prefix);
  }

  function questionValues(route: ValuesRoute, claims: EmbedClaims, now: number) {
    const question = publishedQuestion(store, claims);
    const {parameters, parameter, tokenValues} = valuesRequest(question, claims, route.paramId);
    const tokenFilters = filtersFor(tokenValues, parameters, (p) => p.column, false);
    return distinctValues(
      [{rows: tableRows(store, question.query.source), column: parameter.column, tokenFilters}],
      now,
      route.prefix,
    );
  }

  /** Answers one API request; an EmbedError becomes Metabase's 400 answer. */
  return async function handle(route: ApiRoute | undefined, query: URLSearchParams): Promise<ApiAnswer> {
    try {
      if (!route) return text(NOT_FOUND);
      return await answer(route, query);
    } catch (error) {
      if (error instanceof QueryFailedError)
        return json({status: 'failed', error: error.message, error_type: error.errorType}, error.status);
      if (error instanceof EmbedError) return text(error.message, error.status);
      throw error;
    }
  };
}
