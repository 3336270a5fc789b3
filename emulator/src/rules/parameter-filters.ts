// From parameter values by slug to the row filters of one card: each value applies to the
// column its parameter targets there (a question's own column, or a dashcard's mapping).
import {fail} from './api-errors.js';
import type {DashcardDef, ParameterDef} from '../content/schema.js';
import type {ParamMap} from './param-merge.js';
import type {Filter} from '../query/filters.js';

/**
 * Filters for the values in `params` whose parameter maps to a column of this card. A slug
 * no parameter has is skipped, or refused with Metabase's message when `strict`.
 */
export function filtersFor<P extends ParameterDef>(
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
export const mappedColumn = (dashcard: DashcardDef) => (parameter: ParameterDef) =>
  dashcard.parameter_mappings?.find((mapping) => mapping.parameter_id === parameter.id)?.column;
