// The `token` attribute: a first token the page's server signed and wrote on the tag. It is
// shown without asking the endpoint only when it is exactly what the element would have
// asked for: the same resource, each filter value the element sets signed with that value
// (the token may carry more: the values the server locks), and time left on both clocks.
// Anything else is a warning naming the attribute, and the element asks its endpoint.
import {resolveAnswer, type EmbedTarget} from './answer.js';
import type {Configuration} from './configuration.js';
import {canonicalJson} from './params.js';
import {planTokenLife, type TokenLife} from './token-life.js';

export type PageTokenResult = {target: EmbedTarget; life: TokenLife} | {problem: string};

/** Checks the `token` attribute against what the element is configured for, at `now` (browser clock). */
export function readPageToken(token: string, configuration: Configuration, now: number): PageTokenResult {
  const {siteUrl} = configuration;
  if (siteUrl === undefined) {
    return {
      problem:
        '"token" needs the "site-url" attribute (Metabase\'s address): the token does not say where Metabase is; asking the endpoint instead.',
    };
  }
  const resolved = resolveAnswer({jwt: token.trim()}, configuration.body.resource, siteUrl);
  if ('problem' in resolved)
    return {problem: `"token" cannot be shown: ${resolved.problem} Asking the endpoint instead.`};
  const {claims} = resolved.target;
  for (const [slug, value] of Object.entries(configuration.body.params)) {
    const signed = Object.hasOwn(claims.params, slug) ? canonicalJson(claims.params[slug]) : undefined;
    if (signed !== canonicalJson(value)) {
      const was = signed === undefined ? 'without it' : `with ${signed}`;
      return {
        problem: `"token" was signed for filter "${slug}" ${was}, but the element asks for ${canonicalJson(value)}; asking the endpoint instead.`,
      };
    }
  }
  // The page may have waited in a cache: the browser's clock may count less time left than
  // the token's own iat → exp. The shorter of the two decides.
  const byBrowser = planTokenLife({exp: claims.exp, receivedAtMs: now});
  const byServer = planTokenLife({exp: claims.exp, iat: claims.iat, receivedAtMs: now});
  if ('problem' in byBrowser || 'problem' in byServer) {
    const on = 'problem' in byBrowser ? "on the browser's clock" : 'by its "iat"';
    return {problem: `"token" has expired ("exp" ${claims.exp} has passed ${on}); asking the endpoint instead.`};
  }
  const life = byServer.life.lifetimeMs <= byBrowser.life.lifetimeMs ? byServer.life : byBrowser.life;
  return {target: resolved.target, life};
}
