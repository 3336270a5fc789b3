// What the iframe must show for an accepted token: the URL
// `<site>/embed/<kind>/<jwt>?<editable filter values>#<appearance>` and a key that tells the
// frames controller whether it already shows it.
import type {EmbedTarget} from './answer.js';
import {canonicalJson, queryFromParams, tabKey, withoutSlugs} from './params.js';
import type {EmbedParams, FrameParams} from './types.js';

export interface FramePlanInput {
  target: EmbedTarget;
  /** The token renews the one on screen (nothing else about it changed). */
  renewal: boolean;
  /** Appearance, without `#`. */
  hash: string;
  initialParams: EmbedParams;
  /** What the visitor chose inside the embed; wins over the initial values. */
  visitorParams: FrameParams;
  /** The dashboard tab to open: the visitor's, else the `tab` attribute's. */
  tab?: string | undefined;
  /** The `tab` attribute: a new one needs a new frame. */
  initialTab?: string | undefined;
}

export interface FramePlan {
  /** One object per accepted token: a new token is a new target, even with the same text. */
  target: EmbedTarget;
  url: string;
  /** With the same target, an equal key needs no new frame (the visitor's own choices aside). */
  key: string;
  renewal: boolean;
}

export function planFrame(input: FramePlanInput): FramePlan {
  const {target, renewal, hash, initialParams, visitorParams, tab} = input;
  // Slugs the token sets: Metabase refuses them in the query string too.
  const query = withoutSlugs({...initialParams, ...visitorParams}, Object.keys(target.claims.params));
  // The tab goes last, where Metabase's page writes it when it adds one.
  const search = queryFromParams(tab ? {...query, [tabKey]: tab} : query);
  const url = `${target.baseUrl}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
  return {target, url, key: `${hash}|${canonicalJson(initialParams)}|${input.initialTab ?? ''}`, renewal};
}
