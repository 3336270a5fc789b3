// The emulator's content: Metabase items (questions, dashboards) with their embedding
// settings, plus the plain tables their queries read. Field names follow Metabase's JSON
// (snake_case) so a content file reads like what Metabase stores.
import type {DashcardVisualizationSettings} from './click-behavior.js';

export type EmbeddingParamStatus = 'enabled' | 'locked' | 'disabled';
/** slug → how an embed may set it (emulator/README.md#parameters); a slug not listed is not allowed. */
export type EmbeddingParams = Record<string, EmbeddingParamStatus>;

export type CellValue = string | number | boolean | null;
export type Row = Record<string, CellValue>;
export type Tables = Record<string, Row[]>;

export const PARAMETER_TYPES = [
  'string/=',
  'string/contains',
  'category',
  'id',
  'number/=',
  'date/range',
  'date/single',
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface ParameterDef {
  /** Metabase's parameter id (used by the values endpoint and parameter_mappings). */
  id: string;
  slug: string;
  name: string;
  type: ParameterType;
  /**
   * The value used when neither the token nor the URL sets the slug (Metabase's parameter
   * default). A null or blank value in either clears it for that request.
   */
  default?: string | number | boolean | (string | number | boolean)[];
  /**
   * Where the widget's values come from: the mapped columns (the default) or, with
   * `"static-list"`, `values_source_config.values` (each a value or a `[value, label]` pair).
   */
  values_source_type?: 'static-list';
  values_source_config?: {values: StaticListValue[]};
}

/** A static list entry: a value, or a value and the label the widget shows for it. */
export type StaticListValue = string | number | [string | number, string];

export interface QuestionParameterDef extends ParameterDef {
  /** Column of the question's source table this parameter filters. */
  column: string;
}

export const AGGREGATIONS = ['count', 'sum', 'avg', 'min', 'max', 'distinct'] as const;
export type AggregationName = (typeof AGGREGATIONS)[number];
/** `["count"]`, or a function and the column it reads, e.g. `["sum", "total"]`. */
export type Aggregation = [AggregationName] | [AggregationName, string];

export const TIME_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export interface Breakout {
  column: string;
  /** Truncates a date column to this unit before grouping. */
  unit?: TimeUnit;
}

/** A small structured query over one table: filters come from parameters. */
export interface QuerySpec {
  source: string;
  aggregation?: Aggregation[];
  breakout?: Breakout[];
  /** Columns of raw rows, when there is no aggregation (default: all). */
  fields?: string[];
  order_by?: [string, 'asc' | 'desc'][];
  limit?: number;
}

export const DISPLAYS = ['scalar', 'bar', 'line', 'table'] as const;
export type Display = (typeof DISPLAYS)[number];

export interface ColumnSettings {
  number_style?: 'decimal' | 'currency' | 'percent';
  currency?: string;
}
export interface VisualizationSettings {
  /** Result column name → how to format it. */
  column_settings?: Record<string, ColumnSettings>;
  [setting: string]: unknown;
}

interface Publishable {
  id: number;
  /** 21-character NanoID, the id that survives exports (`A-Za-z0-9_-`). */
  entity_id?: string;
  name: string;
  description?: string | null;
  enable_embedding?: boolean;
  embedding_params?: EmbeddingParams;
  archived?: boolean;
}

export interface QuestionDef extends Publishable {
  display: Display;
  query: QuerySpec;
  parameters?: QuestionParameterDef[];
  visualization_settings?: VisualizationSettings;
}

export interface ParameterMappingDef {
  parameter_id: string;
  /** Column of the card's source table the dashboard parameter filters. */
  column: string;
}

export interface DashcardDef {
  id: number;
  card_id: number;
  /** Position on Metabase's 24-column grid. */
  col: number;
  row: number;
  size_x: number;
  size_y: number;
  parameter_mappings?: ParameterMappingDef[];
  /** The card's click behaviour on this dashboard (a custom destination URL; see click-behavior.ts). */
  visualization_settings?: DashcardVisualizationSettings;
  /** The tab the card is on: required when the dashboard has tabs, not allowed otherwise. */
  dashboard_tab_id?: number;
}

/** A dashboard tab (emulator/README.md#tabs): its id is what the `?tab=<id>-<name>` URL reads. */
export interface DashboardTabDef {
  id: number;
  name: string;
}

export interface DashboardDef extends Publishable {
  parameters?: ParameterDef[];
  dashcards: DashcardDef[];
  /** Tabs, in their order; none (or one) shows no tab bar. */
  tabs?: DashboardTabDef[];
  /** False: filter changes wait for the visitor's Apply (Metabase's default is true). */
  auto_apply_filters?: boolean;
}

/**
 * table → column → the column of the same table whose value labels it in filter widgets
 * (Metabase's field remapping, e.g. `category_id` shown as `category_name`).
 */
export type Remappings = Record<string, Record<string, string>>;

export interface EmulatorContent {
  /** Metabase's global "static embedding" switch (default true). */
  embedding_enabled?: boolean;
  /** Tables the queries read; defaults to the built-in sample tables. */
  tables?: Tables;
  /** Labels for filter values, by table and column (see Remappings). */
  remappings?: Remappings;
  questions: QuestionDef[];
  dashboards: DashboardDef[];
}
