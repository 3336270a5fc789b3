// The JSON API of the embed page (emulator/README.md#api). Every request re-checks its token; a
// refusal is a 400 with the message as plain text (emulator/README.md#errors), a query that fails a 400 with
// Metabase's JSON body `{"status":"failed",…}`; query results answer 202. A path no endpoint
// takes is Metabase's 404 (routes.ts says which).
import {EmbedError, fail, INVALID_ROUTE_PARAMS, NO_ENDPOINT, NOT_FOUND, QueryFailedError} from '../rules/api-errors.js';
import type {ContentStore} from '../content/store.js';
import type {DashboardDef, QuestionDef} from '../content/schema.js';
import {publishedDashboard, publishedQuestion} from '../rules/items.js';
import {dashboardValues, questionValues, tableRows} from '../rules/param-values.js';
import {filtersFor, mappedColumn} from '../rules/parameter-filters.js';
import {
  tokenParamsFromClaims,
  userParamsFromQuery,
  validateAndMergeParams,
  withDefaults,
} from '../rules/param-merge.js';
import {presentDashboard, presentQuestion, type FieldJson} from '../rules/present.js';
import {baseType, humanize, MAX_DOWNLOAD_ROWS, runQuery, type QueryResult} from '../query/engine.js';
import {toCsv, toJsonRows, type ExportFormat, type ExportOptions} from '../query/export.js';
import type {Filter} from '../query/filters.js';
import type {ApiMiss, ApiRoute} from './routes.js';
import {verifyEmbedToken} from '../rules/token.js';
import {cardDelay} from './card-delay.js';

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
  /** Card queries answer late, spread over this many ms (card-delay.ts); 0: at once. */
  cardDelayMs?: number | undefined;
}

const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined);

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

/**
 * A query's answer as Metabase's embed endpoints send it: the result's data and status only
 * (no row_count, context or timing), or a download named after the clock's time `started`.
 */
function queryAnswer(
  result: QueryResult,
  started: number,
  format: ExportFormat | undefined,
  options: ExportOptions,
): ApiAnswer {
  if (format === undefined) {
    return json(
      {
        data: {rows: result.rows, cols: result.cols, insights: null, results_timezone: 'UTC'},
        json_query: {},
        status: 'completed',
      },
      202,
    );
  }
  if (format === 'xlsx') fail('The emulator does not produce xlsx downloads; use csv or json.');
  const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
  const answer =
    format === 'csv'
      ? {status: 200, contentType: 'text/csv; charset=utf-8', body: toCsv(result, options)}
      : {status: 200, contentType: 'application/json; charset=utf-8', body: toJsonRows(result, options)};
  return {...answer, headers: {'Content-Disposition': `attachment; filename="query_result_${stamp}.${format}"`}};
}

/** Metabase's `format_rows` flag: only `true` formats. */
const formatRows = (query: URLSearchParams) => query.get('format_rows') === 'true';

export function createEmbedApi({store, key, now, cardDelayMs = 0}: EmbedApiOptions) {
  const card = (id: number) => store.question(id);
  const cardOrFail = (id: number): QuestionDef => card(id) ?? fail(NOT_FOUND);

  const fieldOf = (table: string, column: string): FieldJson => {
    const type = baseType(tableRows(store, table), column);
    return {
      name: column,
      display_name: humanize(column),
      base_type: type,
      effective_type: type,
      semantic_type: null,
      has_field_values: 'list',
      settings: null,
      fk_target_field_id: null,
      dimensions: [],
    };
  };

  async function answer(route: ApiRoute, query: URLSearchParams): Promise<ApiAnswer> {
    const started = readClock(now);
    const claims = await verifyEmbedToken(route.token, key(), Math.floor(started / 1000));
    // A dashboard card's query and a question's run and answer the same way.
    const answerQuery = (question: QuestionDef, filters: Filter[]) => {
      const format = 'format' in route ? route.format : undefined;
      const rows = tableRows(store, question.query.source);
      const result = runQuery(question.query, rows, filters, started, format ? MAX_DOWNLOAD_ROWS : undefined);
      return queryAnswer(result, started, format, {
        formatRows: formatRows(query),
        settings: question.visualization_settings,
      });
    };
    switch (route.kind) {
      case 'dashboard': {
        const dashboard = publishedDashboard(store, claims);
        return json(presentDashboard(dashboard, tokenParamsFromClaims(claims), card, fieldOf));
      }
      case 'card': {
        const question = publishedQuestion(store, claims);
        return json(presentQuestion(question, tokenParamsFromClaims(claims), fieldOf));
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
        if (!('format' in route))
          await wait(cardDelay(cardDelayMs, dashboard.dashcards.indexOf(dashcard), dashboard.dashcards.length));
        const parameters = dashboard.parameters ?? [];
        const filters = filtersFor(withDefaults(merged, parameters), parameters, mappedColumn(dashcard), true);
        return answerQuery(question, filters);
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
        if (!('format' in route)) await wait(cardDelay(cardDelayMs, 0, 1));
        return answerQuery(question, filters);
      }
      case 'param-values': {
        const tokenParams = tokenParamsFromClaims(claims);
        const request = {paramId: route.paramId, verb: route.verb, prefix: route.prefix, query, now: started};
        return json(
          route.resource === 'dashboard'
            ? dashboardValues(store, publishedDashboard(store, claims), tokenParams, request)
            : questionValues(store, publishedQuestion(store, claims), tokenParams, request),
        );
      }
    }
  }

  /** Answers one API request; an EmbedError becomes Metabase's 400 answer. */
  return async function handle(route: ApiRoute | ApiMiss, query: URLSearchParams): Promise<ApiAnswer> {
    // Metabase's fallback route answers a JSON string; a schema refusal is plain text.
    if (route.kind === 'no-endpoint') return json(NO_ENDPOINT, 404);
    if (route.kind === 'invalid-route-params') return text(INVALID_ROUTE_PARAMS);
    try {
      return await answer(route, query);
    } catch (error) {
      if (error instanceof QueryFailedError)
        return json({status: 'failed', error: error.message, error_type: error.errorType}, error.status);
      if (error instanceof EmbedError) return text(error.message, error.status);
      throw error;
    }
  };
}
