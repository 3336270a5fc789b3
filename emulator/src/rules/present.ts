// The JSON Metabase's embed page reads for an item (emulator/README.md#api). Only parameters a visitor
// may set are listed: enabled ones the token does not set. Locked and disabled ones, and
// their mappings, never reach the browser.
import type {DashboardDef, EmbeddingParams, ParameterDef, QuestionDef} from '../content/types.js';
import type {ParamMap} from './params.js';

const fieldTarget = (column: string) => ['dimension', ['field', column, null]];

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
  };
}

export function presentDashboard(
  dashboard: DashboardDef,
  tokenParams: ParamMap,
  cardById: (id: number) => QuestionDef | undefined,
) {
  const embeddingParams = dashboard.embedding_params ?? {};
  const parameters = dashboard.parameters ?? [];
  // Mappings of locked, disabled and unlisted parameters are removed, as Metabase does.
  const hiddenIds = new Set(parameters.filter((p) => embeddingParams[p.slug] !== 'enabled').map((p) => p.id));
  return {
    id: dashboard.id,
    entity_id: dashboard.entity_id ?? null,
    name: dashboard.name,
    description: dashboard.description ?? null,
    parameters: visibleParameters(parameters, embeddingParams, tokenParams).map(parameterJson),
    tabs: [],
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

export function presentQuestion(question: QuestionDef, tokenParams: ParamMap) {
  const parameters = visibleParameters(question.parameters ?? [], question.embedding_params ?? {}, tokenParams);
  return {
    ...cardSummary(question),
    parameters: parameters.map((parameter) => ({...parameterJson(parameter), target: fieldTarget(parameter.column)})),
  };
}

export type DashboardJson = ReturnType<typeof presentDashboard>;
export type QuestionJson = ReturnType<typeof presentQuestion>;
