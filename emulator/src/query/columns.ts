// Names of a query's result columns, shared by the query engine and content validation.
import type {Aggregation, QuerySpec} from '../content/schema.js';

/** Metabase-style names of aggregation results: `count`, `sum`, then `sum_2` for a second sum. */
export function aggregationNames(aggregations: readonly Aggregation[]): string[] {
  const seen = new Map<string, number>();
  return aggregations.map(([name]) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

/** Column names a query's result has, given the columns of its source table. */
export function resultColumnNames(query: QuerySpec, tableColumns: readonly string[]): string[] {
  if (query.aggregation?.length || query.breakout?.length) {
    return [...(query.breakout ?? []).map((breakout) => breakout.column), ...aggregationNames(query.aggregation ?? [])];
  }
  return query.fields ? [...query.fields] : [...tableColumns];
}
