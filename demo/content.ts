// What the demo shows: which dashboard and question, which of their filters the host page
// drives, which parameter is locked to the signed-in user's tenant, and the pretend users.
// Made from the emulator's sample content (emulator-content.ts) or from the environment
// when a real Metabase is configured (metabase-env.ts).
import type {DemoUser} from './session.js';

export type EmbedId = number | string;
export type EmbedResource = {dashboard: EmbedId} | {question: EmbedId};

export interface SelectFilter {
  slug: string;
  label: string;
  options: string[];
}

export interface DateRangeFilter {
  slug: string;
  label: string;
  /** Bounds for the date pickers (YYYY-MM-DD), when the data has them. */
  min?: string;
  max?: string;
}

export interface DemoItem {
  resource: EmbedResource;
  title: string;
  /** Slugs the visitor may set (the host page's controls, or the embed's own widgets). */
  editable: string[];
  /** Whether the item locks the tenant parameter (it then must be in every token). */
  locksTenant: boolean;
}

export interface DemoContent {
  /** Shown in the page footer: "the local emulator" or the Metabase site. */
  source: string;
  /** The plan the emulator emulates (absent for a real Metabase, whose plan the demo cannot know). */
  emulatorPlan?: 'oss' | 'pro';
  dashboard: DemoItem & {select?: SelectFilter; dateRange?: DateRangeFilter};
  question?: DemoItem;
  /** Items repeated on the lazy-loading page (a dozen embeds). */
  lazy: DemoItem[];
  /** Slug of the parameter locked to the user's tenant, if the items have one. */
  tenantSlug?: string;
  users: DemoUser[];
}

/** The id in `{dashboard: 12}` or `{question: "…"}`. */
export function resourceId(resource: EmbedResource): EmbedId {
  return 'dashboard' in resource ? resource.dashboard : resource.question;
}

export function resourceKey(resource: EmbedResource): string {
  return 'dashboard' in resource ? `dashboard:${resource.dashboard}` : `question:${resource.question}`;
}
