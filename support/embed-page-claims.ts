// The `test` claim: how a token steers the fake embed page (Metabase ignores unknown claims).
// Written by the signing endpoint and by mintToken in the browser, read by the page server.

export interface PageSteering {
  /** Content height in px; default 300. */
  height?: number | undefined;
  /** false: no iframe-resizer child script; 'max': the child with Metabase's settings (see embed-page-html.ts). */
  resizer?: false | 'max' | undefined;
  /** The page answers after this many ms. */
  delayMs?: number | undefined;
}

/** The claims of a token for this resource and params, with `test` only when something is steered. */
export function embedClaims(resource: unknown, params: unknown, steering: PageSteering): Record<string, unknown> {
  const test = {
    ...(steering.height !== undefined && {height: steering.height}),
    ...(steering.resizer !== undefined && {resizer: steering.resizer}),
    ...(steering.delayMs !== undefined && {delayMs: steering.delayMs}),
  };
  return {resource, params, ...(Object.keys(test).length > 0 && {test})};
}
