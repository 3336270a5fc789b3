// Looks items up by numeric id or entity id, the two forms a token's `resource` may use.
import type {DashboardDef, QuestionDef, Remappings, Tables} from './schema.js';
import type {CheckedContent} from './validate.js';

export interface ContentStore {
  readonly embeddingEnabled: boolean;
  readonly tables: Tables;
  readonly remappings: Remappings;
  dashboard(id: number | string): DashboardDef | undefined;
  question(id: number | string): QuestionDef | undefined;
}

function indexById<T extends {id: number; entity_id?: string}>(
  items: readonly T[],
): (id: number | string) => T | undefined {
  const byId = new Map<number | string, T>();
  for (const item of items) {
    byId.set(item.id, item);
    if (item.entity_id) byId.set(item.entity_id, item);
  }
  return (id) => byId.get(id);
}

export function createContentStore(content: CheckedContent): ContentStore {
  return {
    embeddingEnabled: content.embedding_enabled,
    tables: content.tables,
    remappings: content.remappings,
    dashboard: indexById(content.dashboards),
    question: indexById(content.questions),
  };
}
