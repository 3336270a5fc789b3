// The JSON Metabase's embed page reads for an item (emulator/README.md#api). Only parameters a visitor
// may set are listed: enabled ones the token does not set. Locked and disabled ones, and
// their mappings, never reach the browser.
import type {DashboardDef, EmbeddingParams, ParameterDef, QuestionDef} from '../content/schema.js';
import type {ParamMap} from './param-merge.js';

const fieldTarget = (column: string) => ['dimension', ['field', column, null]];

/**
 * The query Metabase sends for every embedded card: its blank native form (Metabase strips
 * native queries this way; the emulator has no MBQL to show, so it strips every card).
 */
const BLANK_QUERY = {'lib/type': 'mbql/query', database: 1, stages: [{'lib/type': 'mbql.stage/native', native: '-'}]};

/** A widget's field metadata (`param_fields`): what the emulator knows of a table column. */
export interface FieldJson {
  name: string;
  display_name: string;
  base_type: string;
  effective_type: string;
  semantic_type: null;
  has_field_values: 'list';
  settings: null;
  fk_target_field_id: null;
  dimensions: [];
}

/** Reads a column's field metadata from its table. */
export type FieldOf = (table: string, column: string) => FieldJson;

/** Parameters that get a widget: "enabled" in embedding_params and absent from the token. */
export function visibleParameters<P extends ParameterDef>(
  parameters: readonly P[],
  embeddingParams: EmbeddingParams,
  tokenParams: ParamMap,
): P[] {
  return parameters.filter((p) => embeddingParams[p.slug] === 'enabled' && !Object.hasOwn(tokenParams, p.slug));
}

/** A widget's parameter: its default is included, as Metabase's JSON has it, for the widget to show. */
const parameterJson = ({id, slug, name, type, default: value}: ParameterDef) => ({
  id,
  slug,
  name,
  type,
  ...(value === undefined ? {} : {default: value}),
});

function cardSummary(card: QuestionDef) {
  return {
    id: card.id,
    entity_id: card.entity_id ?? null,
    name: card.name,
    description: card.description ?? null,
    display: card.display,
    visualization_settings: card.visualization_settings ?? {},
    dataset_query: BLANK_QUERY,
  };
}

/** `param_fields`: the fields behind each widget the visitor gets, by parameter id, as Metabase keeps them. */
function paramFields<P extends ParameterDef>(parameters: readonly P[], fieldsOf: (parameter: P) => FieldJson[]) {
  const entries = parameters.map((parameter) => [parameter.id, fieldsOf(parameter)] as const);
  return Object.fromEntries(entries.filter(([, fields]) => fields.length > 0));
}

export function presentDashboard(
  dashboard: DashboardDef,
  tokenParams: ParamMap,
  cardById: (id: number) => QuestionDef | undefined,
  fieldOf: FieldOf,
) {
  const embeddingParams = dashboard.embedding_params ?? {};
  const parameters = dashboard.parameters ?? [];
  // Mappings of locked, disabled and unlisted parameters are removed, as Metabase does.
  const hiddenIds = new Set(parameters.filter((p) => embeddingParams[p.slug] !== 'enabled').map((p) => p.id));
  const visible = visibleParameters(parameters, embeddingParams, tokenParams);
  const mappedFields = (parameter: ParameterDef) => {
    const fields = new Map<string, FieldJson>();
    for (const dashcard of dashboard.dashcards) {
      const card = cardById(dashcard.card_id);
      const mapping = dashcard.parameter_mappings?.find((m) => m.parameter_id === parameter.id);
      if (card && mapping)
        fields.set(`${card.query.source}.${mapping.column}`, fieldOf(card.query.source, mapping.column));
    }
    return [...fields.values()];
  };
  return {
    id: dashboard.id,
    entity_id: dashboard.entity_id ?? null,
    name: dashboard.name,
    description: dashboard.description ?? null,
    // Metabase's default: a filter change applies at once; false waits for Apply.
    auto_apply_filters: dashboard.auto_apply_filters ?? true,
    width: 'fixed',
    parameters: visible.map(parameterJson),
    param_fields: paramFields(visible, mappedFields),
    tabs: (dashboard.tabs ?? []).map((tab, position) => ({
      id: tab.id,
      dashboard_id: dashboard.id,
      name: tab.name,
      position,
    })),
    dashcards: dashboard.dashcards.map((dashcard) => {
      const card = cardById(dashcard.card_id);
      return {
        id: dashcard.id,
        dashboard_id: dashboard.id,
        card_id: dashcard.card_id,
        col: dashcard.col,
        row: dashcard.row,
        size_x: dashcard.size_x,
        size_y: dashcard.size_y,
        dashboard_tab_id: dashcard.dashboard_tab_id ?? null,
        card: card ? cardSummary(card) : null,
        parameter_mappings: (dashcard.parameter_mappings ?? [])
          .filter((mapping) => !hiddenIds.has(mapping.parameter_id))
          .map((mapping) => ({
            parameter_id: mapping.parameter_id,
            card_id: dashcard.card_id,
            target: fieldTarget(mapping.column),
          })),
        // Click behaviour lives here, on the dashcard, as in Metabase.
        visualization_settings: dashcard.visualization_settings ?? {},
      };
    }),
  };
}

export function presentQuestion(question: QuestionDef, tokenParams: ParamMap, fieldOf: FieldOf) {
  const embeddingParams = question.embedding_params ?? {};
  const parameters = visibleParameters(question.parameters ?? [], embeddingParams, tokenParams);
  return {
    ...cardSummary(question),
    parameters: parameters.map((parameter) => ({...parameterJson(parameter), target: fieldTarget(parameter.column)})),
    param_fields: paramFields(parameters, (parameter) => [fieldOf(question.query.source, parameter.column)]),
    embedding_params: embeddingParams,
  };
}

export type DashboardJson = ReturnType<typeof presentDashboard>;
export type QuestionJson = ReturnType<typeof presentQuestion>;
