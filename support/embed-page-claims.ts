// The claims of a token for the emulator's test page (its `testPage` option), with the `test`
// claim that steers the page. Written by the signing endpoint and by mintToken in the browser.
import type {TestPageClaim} from '../emulator/src/page/test-page.js';

export type PageSteering = TestPageClaim;

/** The claims of a token for this resource and params, with `test` only when something is steered. */
export function embedClaims(resource: unknown, params: unknown, steering: PageSteering): Record<string, unknown> {
  const test = {
    ...(steering.height !== undefined && {height: steering.height}),
    ...(steering.resizer !== undefined && {resizer: steering.resizer}),
    ...(steering.delayMs !== undefined && {delayMs: steering.delayMs}),
  };
  return {resource, params, ...(Object.keys(test).length > 0 && {test})};
}
