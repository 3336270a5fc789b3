// The page's calls to the embed API, always with the token from its own URL: a refresh
// re-uses the same token, so an expired one shows its error, as in Metabase.
import type {DashboardJson, QuestionJson} from '../../rules/present.js';
import type {DashcardVisualizationSettings} from '../../content/click-behavior.js';
import type {Display, VisualizationSettings} from '../../content/schema.js';
import {parametersQuery, type FilterValue} from './filter-values.js';
import type {Tab} from './tabs.js';
import type {ResultData} from './visualization.js';
import type {WidgetParameter} from './widgets.js';

/** An API answer that was not OK; `message` is Metabase's plain-text body, or a failed query's `error`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
}

export interface CardSlot {
  key: string;
  title: string;
  display: Display;
  settings: VisualizationSettings;
  /** The dashcard's click behaviour (dashboards only). */
  clicks?: DashcardVisualizationSettings;
  /** Grid position (dashboards); a question fills the page. */
  layout?: {col: number; row: number; size_x: number; size_y: number};
  /** The dashboard tab the card is on; null without tabs. */
  tabId: number | null;
  queryUrl(values: Record<string, FilterValue>, format?: 'csv' | 'json'): string;
}

export interface EmbedItem {
  name: string;
  description: string | null;
  parameters: WidgetParameter[];
  cards: CardSlot[];
  /** Dashboard tabs in order (none for a question or a dashboard without tabs). */
  tabs: Tab[];
  /** False: filter changes wait for Apply (a dashboard's `auto_apply_filters`). */
  autoApply: boolean;
  valuesUrl(parameter: WidgetParameter): string;
}

/**
 * A refusal is plain text; a failed query is `{"status":"failed","error":…}`; a path no
 * endpoint takes (a token not shaped like a JWT) is a JSON string.
 */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed === 'string') return parsed;
    const {status, error} = (parsed ?? {}) as {status?: unknown; error?: unknown};
    if (status === 'failed' && typeof error === 'string') return error;
  } catch {
    // plain text
  }
  return body;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    signal: signal ?? null,
    credentials: 'same-origin',
    headers: {Accept: 'application/json'},
  });
  if (!response.ok) throw new ApiError(errorMessage(await response.text()) || `HTTP ${response.status}`);
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

export async function loadItem(resource: 'dashboard' | 'question', token: string): Promise<EmbedItem> {
  if (resource === 'dashboard') {
    const base = `/api/embed/dashboard/${enc(token)}`;
    const dashboard = await getJson<DashboardJson>(base);
    return {
      name: dashboard.name,
      description: dashboard.description,
      parameters: dashboard.parameters,
      tabs: dashboard.tabs.map(({id, name}) => ({id, name})),
      autoApply: dashboard.auto_apply_filters,
      valuesUrl: (parameter) => `${base}/params/${enc(parameter.id)}/values`,
      cards: dashboard.dashcards
        .filter((dc) => dc.card)
        .map((dc) => ({
          key: `dashcard-${dc.id}`,
          title: dc.card!.name,
          display: dc.card!.display,
          settings: dc.card!.visualization_settings,
          clicks: dc.visualization_settings,
          layout: {col: dc.col, row: dc.row, size_x: dc.size_x, size_y: dc.size_y},
          tabId: dc.dashboard_tab_id,
          queryUrl: (values, format) =>
            `${base}/dashcard/${dc.id}/card/${dc.card_id}${format ? `/${format}` : ''}?${parametersQuery(values)}`,
        })),
    };
  }
  const base = `/api/embed/card/${enc(token)}`;
  const question = await getJson<QuestionJson>(base);
  return {
    name: question.name,
    description: question.description,
    parameters: question.parameters,
    tabs: [],
    autoApply: true,
    valuesUrl: (parameter) => `${base}/params/${enc(parameter.id)}/values`,
    cards: [
      {
        key: `card-${question.id}`,
        title: question.name,
        display: question.display,
        settings: question.visualization_settings,
        tabId: null,
        queryUrl: (values, format) => `${base}/query${format ? `/${format}` : ''}?${parametersQuery(values)}`,
      },
    ],
  };
}

export async function runCardQuery(
  card: CardSlot,
  values: Record<string, FilterValue>,
  signal: AbortSignal,
): Promise<ResultData> {
  const answer = await getJson<{data: ResultData}>(card.queryUrl(values), signal);
  return answer.data;
}

/** A filter value and the text its widget shows: the remapped label, when the API sends one. */
export interface ValueChoice {
  value: string;
  label: string;
}

export async function loadValues(url: string): Promise<ValueChoice[]> {
  const answer = await getJson<{values: unknown[][]}>(url);
  return answer.values.map(([value, label]) => ({value: String(value), label: String(label ?? value)}));
}
