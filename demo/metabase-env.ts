// Pointing the demo at a real Metabase: the environment names the site, its embedding
// secret key, the published items and their parameters. Every value is checked here, so
// a typo is a clear message at start-up rather than an error inside the embed.
import type {DemoContent, DemoItem, EmbedId, EmbedResource} from './content.js';
import {usersForTenants} from './users.js';

export type Env = Record<string, string | undefined>;

export interface MetabaseTarget {
  siteUrl: string;
  secretKey: string;
  content: DemoContent;
}

const ENTITY_ID = /^[A-Za-z0-9_-]{21}$/;
const SLUG = /^[a-z0-9_]+$/;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function parseEmbedId(name: string, value: string): EmbedId {
  if (/^[1-9][0-9]*$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  if (ENTITY_ID.test(value)) return value;
  throw new Error(`${name} must be a positive integer id or a 21-character entity id, got "${value}".`);
}

function parseSlug(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && !SLUG.test(value)) {
    throw new Error(`${name} must be a parameter slug (lowercase letters, digits and _), got "${value}".`);
  }
  return value;
}

function parseList(name: string, value: string | undefined, fallback?: string[]): string[] {
  if (value === undefined && fallback) return fallback;
  if (value === undefined) throw new Error(`${name} is required: a comma-separated list of values.`);
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error(`${name} must be a comma-separated list, got "${value}".`);
  return items;
}

/** undefined when neither METABASE_SITE_URL nor METABASE_SECRET_KEY is set: the demo then runs the emulator. */
export function realMetabaseFromEnv(env: Env): MetabaseTarget | undefined {
  const siteUrl = read(env, 'METABASE_SITE_URL');
  const secretKey = read(env, 'METABASE_SECRET_KEY');
  if (!siteUrl && !secretKey) return undefined;
  if (!siteUrl || !secretKey) {
    throw new Error(
      'Set both METABASE_SITE_URL and METABASE_SECRET_KEY to embed a real Metabase (or neither, for the emulator).',
    );
  }
  const dashboardId = read(env, 'METABASE_DASHBOARD_ID');
  if (!dashboardId)
    throw new Error('METABASE_DASHBOARD_ID is required with a real Metabase: the id of a published dashboard.');

  const tenantSlug = parseSlug('METABASE_TENANT_PARAM', read(env, 'METABASE_TENANT_PARAM'));
  const filterSlug = parseSlug('METABASE_FILTER_PARAM', read(env, 'METABASE_FILTER_PARAM'));
  const dateSlug = parseSlug('METABASE_DATE_PARAM', read(env, 'METABASE_DATE_PARAM'));
  const tenants = parseList('METABASE_TENANTS', read(env, 'METABASE_TENANTS'), ['1', '2', '3']);

  const item = (resource: EmbedResource, title: string, editable: string[]): DemoItem => ({
    resource,
    title,
    editable,
    locksTenant: tenantSlug !== undefined,
  });
  const dashboard = {
    ...item(
      {dashboard: parseEmbedId('METABASE_DASHBOARD_ID', dashboardId)},
      'Dashboard',
      [filterSlug, dateSlug].filter((slug) => slug !== undefined),
    ),
    ...(filterSlug && {
      select: {
        slug: filterSlug,
        label: filterSlug,
        options: parseList('METABASE_FILTER_VALUES', read(env, 'METABASE_FILTER_VALUES')),
      },
    }),
    ...(dateSlug && {dateRange: {slug: dateSlug, label: dateSlug}}),
  };
  const questionId = read(env, 'METABASE_QUESTION_ID');
  const question = questionId
    ? item({question: parseEmbedId('METABASE_QUESTION_ID', questionId)}, 'Question', [])
    : undefined;

  return {
    siteUrl,
    secretKey,
    content: {
      source: siteUrl,
      dashboard,
      ...(question && {question}),
      lazy: question ? [question, dashboard] : [dashboard],
      ...(tenantSlug && {tenantSlug}),
      users: usersForTenants(tenants.map((value) => ({name: `tenant ${value}`, value}))),
    },
  };
}
