// Click behaviour of a dashboard card (Metabase's `click_behavior`), as stored in the
// dashcard's `visualization_settings`: for the whole card, or per result column in
// `column_settings`. Static embeds follow only one kind, a custom destination of link type
// "url" (an external URL in a new tab); the others need a Metabase session. Pure and
// DOM-free: the content validator and the embed page both use it.

/** The one click behaviour a static embed follows. */
export interface UrlClickBehavior {
  type: 'link';
  linkType: 'url';
  /** The URL, with `{{variables}}` naming a dashboard filter (slug or name) or a column of the clicked row. */
  linkTemplate: string;
}

export interface DashcardVisualizationSettings {
  click_behavior?: UrlClickBehavior;
  /** Result column → its own click behaviour (it wins over the card's when a cell of it is clicked). */
  column_settings?: Record<string, {click_behavior?: UrlClickBehavior}>;
}

/**
 * The result column a `column_settings` key names: the plain name, or Metabase's own key
 * form `["name","CATEGORY"]`. Null for keys of another form (e.g. `["ref", …]`).
 */
export function columnOfSettingsKey(key: string): string | null {
  if (!key.startsWith('[')) return key;
  try {
    const parsed: unknown = JSON.parse(key);
    return Array.isArray(parsed) && parsed.length === 2 && parsed[0] === 'name' && typeof parsed[1] === 'string'
      ? parsed[1]
      : null;
  } catch {
    return null;
  }
}

/** The behaviour a click on `column` (or on the card, when null) follows: the column's first, then the card's. */
export function clickBehaviorFor(
  settings: DashcardVisualizationSettings | undefined,
  column: string | null,
): UrlClickBehavior | undefined {
  if (column !== null) {
    for (const [key, setting] of Object.entries(settings?.column_settings ?? {})) {
      if (setting.click_behavior && columnOfSettingsKey(key)?.toLowerCase() === column.toLowerCase())
        return setting.click_behavior;
    }
  }
  return settings?.click_behavior;
}

/** Whether any click on this card can lead somewhere. */
export function hasClickBehavior(settings: DashcardVisualizationSettings | undefined): boolean {
  return (
    settings?.click_behavior !== undefined ||
    Object.values(settings?.column_settings ?? {}).some((setting) => setting.click_behavior !== undefined)
  );
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) =>
  value === undefined ? 'nothing' : (JSON.stringify(value)?.slice(0, 80) ?? typeof value);

/** Where a template may start: an http(s) URL, or a variable (checked again, filled, at click time). */
const TEMPLATE_START = /^(https?:\/\/|\{\{)/i;

function behaviorProblems(behavior: unknown, path: string): string[] {
  if (!isObject(behavior))
    return [
      `${path} must be an object like {"type": "link", "linkType": "url", "linkTemplate": "https://…"} (got ${show(behavior)})`,
    ];
  if (behavior.type !== 'link')
    return [
      `${path}.type must be "link": static embeds follow only custom destinations of linkType "url" (got ${show(behavior.type)}; "crossfilter" and "action" need a Metabase session)`,
    ];
  if (behavior.linkType !== 'url')
    return [
      `${path}.linkType must be "url": static embeds open only external URLs (got ${show(behavior.linkType)}; "dashboard" and "question" destinations need a Metabase session)`,
    ];
  const template = behavior.linkTemplate;
  if (typeof template !== 'string' || !TEMPLATE_START.test(template.trim()))
    return [
      `${path}.linkTemplate must be a string starting with http:// or https:// (or a {{variable}}), like "https://example.com/orders?category={{category}}" (got ${show(template)})`,
    ];
  return [];
}

/**
 * Problems with a dashcard's `visualization_settings` (each naming its path); `columns` are
 * the result columns of the dashcard's card.
 */
export function dashcardSettingsProblems(settings: unknown, path: string, columns: readonly string[]): string[] {
  if (settings === undefined) return [];
  if (!isObject(settings)) return [`${path} must be an object (got ${show(settings)})`];
  const problems: string[] = [];
  if (settings.click_behavior !== undefined)
    problems.push(...behaviorProblems(settings.click_behavior, `${path}.click_behavior`));
  const columnSettings = settings.column_settings;
  if (columnSettings === undefined) return problems;
  if (!isObject(columnSettings))
    return [
      ...problems,
      `${path}.column_settings must be an object of result column → settings (got ${show(columnSettings)})`,
    ];
  for (const [key, setting] of Object.entries(columnSettings)) {
    const at = `${path}.column_settings.${key}`;
    const column = columnOfSettingsKey(key);
    if (column === null || !columns.includes(column)) {
      problems.push(
        `${at} must name a result column of the card (${columns.join(', ')}), plain or as ["name","column"]`,
      );
      continue;
    }
    if (!isObject(setting))
      problems.push(`${at} must be an object like {"click_behavior": {…}} (got ${show(setting)})`);
    else if (setting.click_behavior !== undefined)
      problems.push(...behaviorProblems(setting.click_behavior, `${at}.click_behavior`));
  }
  return problems;
}
