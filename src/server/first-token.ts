// A server-rendered first token: the page's server signs it (through the handler's policy)
// and writes it on the tag with the resource and filters it was signed for, so the element
// shows the embed with the HTML and asks its endpoint only to renew. The token alone does
// not say where Metabase is, so the site goes along as `site-url`, which also pins every
// later embed URL to that origin.
import {EmbedValidationError} from './validation-error.js';
import {parseParams, type EmbedParamValue, type EmbedParams} from './token-params.js';
import {parseResource, type EmbedResourceId, type ParsedResource} from './token-resource.js';
import {describeValue, isPlainObject} from './values.js';

/** What the page embeds: `{dashboard: 12, params: {category: 'Gizmo'}}` (or `question`), as on the tag. */
export type PageEmbed = ({dashboard: EmbedResourceId} | {question: EmbedResourceId}) & {
  /** The filter values the tag sets (each must be editable for the item); default `{}`. */
  params?: EmbedParams | undefined;
};

/** The tag's attributes, strings as written in HTML: spread them on `<metabase-embed>`. */
export interface EmbedAttributes {
  dashboard?: string;
  question?: string;
  /** The page's filter values as JSON, absent when none. */
  params?: string;
  'site-url': string;
  token: string;
}

export function parsePageEmbed(embed: unknown): {resource: ParsedResource; params: Record<string, EmbedParamValue>} {
  if (!isPlainObject(embed)) {
    throw new EmbedValidationError(
      'embed',
      `embed must be an object like {dashboard: 12, params: {…}}, got ${describeValue(embed)}`,
    );
  }
  const {params, ...resource} = embed;
  return {resource: parseResource(resource, 'embed'), params: parseParams(params ?? {}, 'params')};
}

export function tagAttributes(
  resource: ParsedResource,
  params: Readonly<Record<string, EmbedParamValue>>,
  siteUrl: string,
  token: string,
): EmbedAttributes {
  return {
    [resource.type]: String(resource.id),
    ...(Object.keys(params).length > 0 && {params: JSON.stringify(params)}),
    'site-url': siteUrl,
    token,
  };
}

const htmlEscapes: Record<string, string> = {'&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;'};

/** `name="value" …`, escaped for a double-quoted HTML attribute: for templates that print raw HTML. */
export function toHtmlAttributes(attributes: EmbedAttributes): string {
  return Object.entries(attributes)
    .map(([name, value]) => `${name}="${String(value).replace(/[&"<>']/g, (char) => htmlEscapes[char]!)}"`)
    .join(' ');
}
