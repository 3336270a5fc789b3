// Checks content given to the emulator (the `content` option or `--content file.json`) and
// names every problem by its path, e.g. `dashboards[0].embedding_params.tenant`.
import {isPlainObject} from '../rules/plain-object.js';
import {resultColumnNames} from '../query/columns.js';
import {dashcardSettingsProblems} from './click-behavior.js';
import {
  AGGREGATIONS,
  DISPLAYS,
  PARAMETER_TYPES,
  TIME_UNITS,
  type EmulatorContent,
  type QuerySpec,
  type QuestionDef,
  type Remappings,
  type Tables,
} from './schema.js';

/** Content that passed the checks, with its defaults filled in. */
export type CheckedContent = EmulatorContent & {tables: Tables; remappings: Remappings; embedding_enabled: boolean};

export class ContentError extends Error {
  override readonly name = 'ContentError';
}

const GRID_COLUMNS = 24;
const ENTITY_ID = /^[A-Za-z0-9_-]{21}$/;
const STATUSES = ['enabled', 'locked', 'disabled'];
type Json = Record<string, unknown>;

const show = (value: unknown) =>
  value === undefined ? 'nothing' : (JSON.stringify(value)?.slice(0, 60) ?? typeof value); // a function or symbol
const isPositiveInt = (value: unknown) => Number.isInteger(value) && (value as number) > 0;

class Checker {
  readonly problems: string[] = [];

  problem(path: string, expected: string, value: unknown): false {
    this.problems.push(`${path} must be ${expected} (got ${show(value)})`);
    return false;
  }
  check(ok: boolean, path: string, expected: string, value: unknown): boolean {
    return ok || this.problem(path, expected, value);
  }
  string(obj: Json, key: string, path: string, optional = false): boolean {
    const value = obj[key];
    if (optional && (value === undefined || value === null)) return true;
    return this.check(typeof value === 'string' && value.trim() !== '', `${path}.${key}`, 'a non-empty string', value);
  }
  boolean(obj: Json, key: string, path: string): boolean {
    return this.check(
      obj[key] === undefined || typeof obj[key] === 'boolean',
      `${path}.${key}`,
      'true or false',
      obj[key],
    );
  }
  oneOf(value: unknown, allowed: readonly string[], path: string): boolean {
    return this.check(
      allowed.includes(value as string),
      path,
      `one of ${allowed.map((a) => `"${a}"`).join(', ')}`,
      value,
    );
  }
  array(value: unknown, path: string, optional = false): value is unknown[] {
    if (optional && value === undefined) return false;
    return this.check(Array.isArray(value), path, 'an array', value) && Array.isArray(value);
  }
  unique(seen: Set<unknown>, value: unknown, path: string, what: string): void {
    if (seen.has(value)) this.problems.push(`${path} repeats ${what} ${show(value)}`);
    seen.add(value);
  }
}

function tableColumns(tables: Tables, name: string): string[] {
  return [...new Set((tables[name] ?? []).flatMap((row) => Object.keys(row)))];
}

function checkTables(c: Checker, tables: unknown): void {
  if (!c.check(isPlainObject(tables), 'tables', 'an object of table name → array of rows', tables)) return;
  for (const [name, rows] of Object.entries(tables as Json)) {
    if (!c.array(rows, `tables.${name}`)) continue;
    rows.forEach((row, index) => {
      const path = `tables.${name}[${index}]`;
      if (!c.check(isPlainObject(row), path, 'an object of column → value', row)) return;
      for (const [column, value] of Object.entries(row as Json)) {
        c.check(
          value === null || ['string', 'number', 'boolean'].includes(typeof value),
          `${path}.${column}`,
          'a string, number, boolean or null',
          value,
        );
      }
    });
  }
}

function checkQuery(c: Checker, query: unknown, path: string, tables: Tables): string[] {
  const before = c.problems.length;
  if (!c.check(isPlainObject(query), path, 'an object with at least "source"', query)) return [];
  const q = query as Json;
  if (
    !c.check(
      typeof q.source === 'string' && Object.hasOwn(tables, q.source),
      `${path}.source`,
      `one of the tables (${Object.keys(tables).join(', ')})`,
      q.source,
    )
  )
    return [];
  const columns = tableColumns(tables, q.source as string);
  const column = (value: unknown, at: string) =>
    c.check(columns.includes(value as string), at, `a column of table "${String(q.source)}"`, value);
  if (c.array(q.aggregation, `${path}.aggregation`, true)) {
    q.aggregation.forEach((agg, i) => {
      const at = `${path}.aggregation[${i}]`;
      if (
        !c.check(
          Array.isArray(agg) && agg.length >= 1 && agg.length <= 2,
          at,
          'like ["count"] or ["sum", "column"]',
          agg,
        )
      )
        return;
      const [name, col] = agg as unknown[];
      if (c.oneOf(name, AGGREGATIONS, `${at}[0]`) && name !== 'count') column(col, `${at}[1]`);
    });
  }
  if (c.array(q.breakout, `${path}.breakout`, true)) {
    q.breakout.forEach((breakout, i) => {
      const at = `${path}.breakout[${i}]`;
      if (!c.check(isPlainObject(breakout), at, 'like {"column": "created_at", "unit": "month"}', breakout)) return;
      const b = breakout as Json;
      column(b.column, `${at}.column`);
      if (b.unit !== undefined) c.oneOf(b.unit, TIME_UNITS, `${at}.unit`);
    });
  }
  if (c.array(q.fields, `${path}.fields`, true)) q.fields.forEach((field, i) => column(field, `${path}.fields[${i}]`));
  if (q.limit !== undefined) c.check(isPositiveInt(q.limit), `${path}.limit`, 'a positive integer', q.limit);
  if (c.problems.length > before) return columns;
  const results = resultColumnNames(q as unknown as QuerySpec, columns);
  if (c.array(q.order_by, `${path}.order_by`, true)) {
    q.order_by.forEach((order, i) => {
      const at = `${path}.order_by[${i}]`;
      if (!c.check(Array.isArray(order) && order.length === 2, at, 'like ["column", "asc" | "desc"]', order)) return;
      const [column, direction] = order as unknown[];
      c.check(results.includes(column as string), `${at}[0]`, `a result column (${results.join(', ')})`, column);
      c.oneOf(direction, ['asc', 'desc'], `${at}[1]`);
    });
  }
  return columns;
}

// Only codes this runtime's Intl knows: a malformed one makes Intl.NumberFormat throw in the page.
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function checkVisualizationSettings(c: Checker, settings: unknown, path: string): void {
  if (settings === undefined) return;
  if (!c.check(isPlainObject(settings), path, 'an object', settings)) return;
  const columnSettings = (settings as Json).column_settings;
  if (columnSettings === undefined) return;
  if (
    !c.check(
      isPlainObject(columnSettings),
      `${path}.column_settings`,
      'an object of result column → settings',
      columnSettings,
    )
  )
    return;
  for (const [column, setting] of Object.entries(columnSettings as Json)) {
    const at = `${path}.column_settings.${column}`;
    if (!c.check(isPlainObject(setting), at, 'an object like {"number_style": "currency", "currency": "EUR"}', setting))
      continue;
    const {currency} = setting as Json;
    if (currency !== undefined)
      c.check(
        CURRENCIES.has(currency as string),
        `${at}.currency`,
        'an ISO 4217 currency code like "USD" or "EUR"',
        currency,
      );
  }
}

function checkValuesSource(c: Checker, p: Json, path: string): void {
  if (p.values_source_type === undefined) return;
  if (!c.oneOf(p.values_source_type, ['static-list'], `${path}.values_source_type`)) return;
  const config = p.values_source_config;
  const at = `${path}.values_source_config.values`;
  const values = isPlainObject(config) ? config.values : undefined;
  if (!c.array(values, at)) return;
  const scalar = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  values.forEach((value, i) =>
    c.check(
      scalar(value) || (Array.isArray(value) && value.length === 2 && scalar(value[0]) && typeof value[1] === 'string'),
      `${at}[${i}]`,
      'a string or number, or a [value, "label"] pair',
      value,
    ),
  );
}

function checkRemappings(c: Checker, remappings: unknown, tables: Tables): void {
  if (remappings === undefined) return;
  if (!c.check(isPlainObject(remappings), 'remappings', 'an object of table → {column: label column}', remappings))
    return;
  for (const [table, columns] of Object.entries(remappings as Json)) {
    if (!c.check(Object.hasOwn(tables, table), `remappings.${table}`, 'named after one of the tables', table)) continue;
    if (!c.check(isPlainObject(columns), `remappings.${table}`, 'an object of column → label column', columns))
      continue;
    const known = tableColumns(tables, table);
    for (const [column, label] of Object.entries(columns as Json)) {
      c.check(known.includes(column), `remappings.${table}.${column}`, `named after a column of "${table}"`, column);
      c.check(known.includes(label as string), `remappings.${table}.${column}`, `a column of "${table}"`, label);
    }
  }
}

function checkParameter(c: Checker, parameter: unknown, path: string, slugs: Set<unknown>, ids: Set<unknown>): boolean {
  if (!c.check(isPlainObject(parameter), path, 'an object like {"id", "slug", "name", "type"}', parameter))
    return false;
  const p = parameter as Json;
  const ok = [
    c.string(p, 'id', path),
    c.string(p, 'slug', path),
    c.string(p, 'name', path),
    c.oneOf(p.type, PARAMETER_TYPES, `${path}.type`),
  ];
  if (p.default !== undefined) {
    const scalar = (value: unknown) =>
      typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    c.check(
      scalar(p.default) || (Array.isArray(p.default) && p.default.length > 0 && p.default.every(scalar)),
      `${path}.default`,
      'a string, number or boolean, or a non-empty array of those',
      p.default,
    );
  }
  checkValuesSource(c, p, path);
  c.unique(slugs, p.slug, `${path}.slug`, 'the slug');
  c.unique(ids, p.id, `${path}.id`, 'the id');
  return ok.every(Boolean);
}

function checkPublishable(c: Checker, item: Json, path: string, ids: Set<unknown>, entityIds: Set<unknown>): void {
  if (c.check(isPositiveInt(item.id), `${path}.id`, 'a positive integer', item.id))
    c.unique(ids, item.id, `${path}.id`, 'the id');
  if (item.entity_id !== undefined) {
    c.check(
      typeof item.entity_id === 'string' && ENTITY_ID.test(item.entity_id),
      `${path}.entity_id`,
      'a 21-character entity id (A-Z, a-z, 0-9, _ and -)',
      item.entity_id,
    );
    c.unique(entityIds, item.entity_id, `${path}.entity_id`, 'the entity id');
  }
  c.string(item, 'name', path);
  c.check(
    item.description === undefined || item.description === null || typeof item.description === 'string',
    `${path}.description`,
    'a string or null',
    item.description,
  );
  c.boolean(item, 'enable_embedding', path);
  c.boolean(item, 'archived', path);
  if (item.embedding_params === undefined) return;
  if (
    !c.check(
      isPlainObject(item.embedding_params),
      `${path}.embedding_params`,
      'an object of slug → "enabled" | "locked" | "disabled"',
      item.embedding_params,
    )
  )
    return;
  for (const [slug, status] of Object.entries(item.embedding_params as Json))
    c.oneOf(status, STATUSES, `${path}.embedding_params.${slug}`);
}

function checkQuestion(
  c: Checker,
  question: unknown,
  path: string,
  tables: Tables,
  ids: Set<unknown>,
  entityIds: Set<unknown>,
): void {
  if (!c.check(isPlainObject(question), path, 'an object', question)) return;
  const q = question as Json;
  checkPublishable(c, q, path, ids, entityIds);
  c.oneOf(q.display, DISPLAYS, `${path}.display`);
  const columns = checkQuery(c, q.query, `${path}.query`, tables);
  checkVisualizationSettings(c, q.visualization_settings, `${path}.visualization_settings`);
  if (!c.array(q.parameters, `${path}.parameters`, true)) return;
  const slugs = new Set(),
    parameterIds = new Set();
  q.parameters.forEach((parameter, i) => {
    const at = `${path}.parameters[${i}]`;
    if (checkParameter(c, parameter, at, slugs, parameterIds)) {
      c.check(
        columns.includes((parameter as Json).column as string),
        `${at}.column`,
        "a column of the query's source table",
        (parameter as Json).column,
      );
    }
  });
}

/** A dashboard's tabs: ids unique positive integers, names non-empty. Returns the ids. */
function checkTabs(c: Checker, tabs: unknown, path: string): Set<unknown> {
  const ids = new Set<unknown>();
  if (!c.array(tabs, path, true)) return ids;
  tabs.forEach((tab, i) => {
    const at = `${path}[${i}]`;
    if (!c.check(isPlainObject(tab), at, 'like {"id": 1, "name": "Overview"}', tab)) return;
    const t = tab as Json;
    if (c.check(isPositiveInt(t.id), `${at}.id`, 'a positive integer', t.id))
      c.unique(ids, t.id, `${at}.id`, 'the tab id');
    c.string(t, 'name', at);
  });
  return ids;
}

function checkDashboard(
  c: Checker,
  dashboard: unknown,
  path: string,
  questions: Map<number, QuestionDef>,
  tables: Tables,
  seen: {ids: Set<unknown>; entityIds: Set<unknown>; dashcardIds: Set<unknown>},
): void {
  if (!c.check(isPlainObject(dashboard), path, 'an object', dashboard)) return;
  const d = dashboard as Json;
  checkPublishable(c, d, path, seen.ids, seen.entityIds);
  const parameterIds = new Set<unknown>();
  if (c.array(d.parameters, `${path}.parameters`, true)) {
    const slugs = new Set();
    d.parameters.forEach((parameter, i) =>
      checkParameter(c, parameter, `${path}.parameters[${i}]`, slugs, parameterIds),
    );
  }
  c.boolean(d, 'auto_apply_filters', path);
  const tabIds = checkTabs(c, d.tabs, `${path}.tabs`);
  if (!c.array(d.dashcards, `${path}.dashcards`)) return;
  d.dashcards.forEach((dashcard, i) => {
    const at = `${path}.dashcards[${i}]`;
    if (!c.check(isPlainObject(dashcard), at, 'an object', dashcard)) return;
    const dc = dashcard as Json;
    if (tabIds.size > 0)
      c.check(
        tabIds.has(dc.dashboard_tab_id),
        `${at}.dashboard_tab_id`,
        "the id of one of the dashboard's tabs",
        dc.dashboard_tab_id,
      );
    else
      c.check(
        dc.dashboard_tab_id === undefined,
        `${at}.dashboard_tab_id`,
        'left out on a dashboard without tabs',
        dc.dashboard_tab_id,
      );
    if (c.check(isPositiveInt(dc.id), `${at}.id`, 'a positive integer', dc.id))
      c.unique(seen.dashcardIds, dc.id, `${at}.id`, 'the dashcard id');
    const card = questions.get(dc.card_id as number);
    c.check(card !== undefined, `${at}.card_id`, 'the id of a question in "questions"', dc.card_id);
    for (const key of ['col', 'row'])
      c.check(Number.isInteger(dc[key]) && (dc[key] as number) >= 0, `${at}.${key}`, 'an integer ≥ 0', dc[key]);
    for (const key of ['size_x', 'size_y'])
      c.check(isPositiveInt(dc[key]), `${at}.${key}`, 'a positive integer', dc[key]);
    c.check(
      (dc.col as number) + (dc.size_x as number) <= GRID_COLUMNS,
      `${at}.size_x`,
      `small enough that col + size_x ≤ ${GRID_COLUMNS}`,
      dc.size_x,
    );
    const columns = card ? tableColumns(tables, card.query.source) : [];
    if (card)
      c.problems.push(
        ...dashcardSettingsProblems(
          dc.visualization_settings,
          `${at}.visualization_settings`,
          resultColumnNames(card.query, columns),
        ),
      );
    if (!c.array(dc.parameter_mappings, `${at}.parameter_mappings`, true)) return;
    dc.parameter_mappings.forEach((mapping, j) => {
      const mp = `${at}.parameter_mappings[${j}]`;
      if (!c.check(isPlainObject(mapping), mp, 'like {"parameter_id": "…", "column": "…"}', mapping)) return;
      const m = mapping as Json;
      c.check(
        parameterIds.has(m.parameter_id),
        `${mp}.parameter_id`,
        "the id of one of the dashboard's parameters",
        m.parameter_id,
      );
      if (card)
        c.check(
          columns.includes(m.column as string),
          `${mp}.column`,
          `a column of table "${card.query.source}"`,
          m.column,
        );
    });
  });
}

/**
 * Returns `input` as emulator content with its tables filled in (`defaultTables()` when it
 * has none), or throws a ContentError listing every problem found.
 */
export function validateContent(input: unknown, defaultTables: () => Tables): CheckedContent {
  const c = new Checker();
  if (!isPlainObject(input))
    throw new ContentError(
      `Emulator content must be a JSON object with "questions" and "dashboards" (got ${show(input)}).`,
    );
  if (input.tables !== undefined) checkTables(c, input.tables);
  c.boolean(input, 'embedding_enabled', 'content');
  const tables = input.tables === undefined ? defaultTables() : (input.tables as Tables);
  if (c.problems.length === 0) checkRemappings(c, input.remappings, tables);
  const questionIds = new Set(),
    entityIds = new Set();
  if (c.array(input.questions, 'questions') && c.problems.length === 0) {
    input.questions.forEach((question, i) =>
      checkQuestion(c, question, `questions[${i}]`, tables, questionIds, entityIds),
    );
  }
  if (c.array(input.dashboards, 'dashboards') && c.problems.length === 0) {
    const questions = new Map((input.questions as QuestionDef[]).map((q) => [q.id, q]));
    const seen = {ids: new Set(), entityIds: new Set(), dashcardIds: new Set()};
    input.dashboards.forEach((dashboard, i) =>
      checkDashboard(c, dashboard, `dashboards[${i}]`, questions, tables, seen),
    );
  }
  if (c.problems.length > 0) {
    const shown = c.problems.slice(0, 20).map((problem) => `  - ${problem}`);
    if (c.problems.length > 20) shown.push(`  - … and ${c.problems.length - 20} more`);
    throw new ContentError(`Invalid emulator content:\n${shown.join('\n')}`);
  }
  return {
    ...(input as unknown as EmulatorContent),
    tables,
    remappings: (input.remappings as Remappings | undefined) ?? {},
    embedding_enabled: input.embedding_enabled !== false,
  };
}
