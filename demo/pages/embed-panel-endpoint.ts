// POST /api/metabase/embed-panel: signs the Embed panel's live preview with the policy its
// Node code shows (createEmbedHandler with the chosen editable slugs, locked values and
// lifetime), for one of the demo's items. The page chooses which filters it sets and which
// values the server locks (the panel is a design tool, as Metabase's own is), never the
// tenant: that still comes from the session, as on every other page.
//
//   {"request": {"resource": {...}, "params": {...}},       what the element sends
//    "policy": {"key": "dashboard:1", "editable": [...], "locked": {...}, "expiresIn": 600}}
import type {IncomingMessage, ServerResponse} from 'node:http';
import {createEmbedHandler, EmbedValidationError, type EmbedParams} from 'metabase-embed/server';
import {hasOwn, isPlainObject} from '../../src/embed/plain-object.js';
import {BodyTooLargeError, readBody, send, sendJson} from '../../support/http.js';
import type {DemoUser} from '../session.js';
import type {PanelItem} from './embed-panel-items.js';

export const PANEL_PREVIEW_ENDPOINT = '/api/metabase/embed-panel';

export interface PanelPreviewOptions {
  siteUrl: string;
  /** A function is read for every token, so a regenerated key takes effect at once. */
  secretKey: string | (() => string);
  items: readonly PanelItem[];
  allowedOrigins: readonly string[];
}

interface PreviewBody {
  request?: unknown;
  policy?: {key?: unknown; editable?: unknown; locked?: unknown; expiresIn?: unknown};
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** The chosen policy, or a message saying what is wrong with it. */
function readPolicy(body: PreviewBody, items: readonly PanelItem[]) {
  const chosen = isPlainObject(body) ? (body.policy ?? {}) : undefined;
  if (!isPlainObject(chosen)) return {error: 'The body must be JSON: {"request": {…}, "policy": {…}}'};
  const {key, editable, locked = {}, expiresIn} = chosen as NonNullable<PreviewBody['policy']>;
  const item = items.find((candidate) => candidate.key === key);
  if (!item) return {error: `policy.key must be one of the demo's items: ${items.map((i) => i.key).join(', ')}`};
  const slugs = item.filters.map((filter) => filter.slug);
  if (!isStringArray(editable) || editable.some((slug) => !slugs.includes(slug))) {
    return {error: `policy.editable must list filters of ${item.key}: ${slugs.join(', ') || 'none'}`};
  }
  if (!isPlainObject(locked) || Object.keys(locked).some((slug) => !slugs.includes(slug))) {
    return {
      error: `policy.locked may lock filters of ${item.key} (${slugs.join(', ') || 'none'}); the tenant comes from the session`,
    };
  }
  const both = editable.find((slug) => hasOwn(locked, slug));
  if (both !== undefined) return {error: `policy: ${JSON.stringify(both)} is both editable and locked`};
  return {item, editable, locked: locked as EmbedParams, expiresIn: expiresIn as number};
}

export function panelPreview(options: PanelPreviewOptions) {
  return async (req: IncomingMessage, res: ServerResponse, user: DemoUser | undefined): Promise<void> => {
    // The forwarded request is JSON whatever came in: a form from elsewhere stops here.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, {error: 'Content-Type must be application/json'});
    }
    let body: PreviewBody;
    try {
      body = JSON.parse(await readBody(req, 16 * 1024)) as PreviewBody;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, {error: error.message});
      return sendJson(res, 400, {error: 'The body must be JSON: {"request": {…}, "policy": {…}}'});
    }
    const policy = readPolicy(body, options.items);
    if ('error' in policy) return sendJson(res, 400, {error: policy.error});
    const {item, editable, locked, expiresIn} = policy;
    let handler;
    try {
      handler = createEmbedHandler<DemoUser | undefined>({
        siteUrl: options.siteUrl,
        secretKey: options.secretKey,
        resources: {
          [item.key]: {
            editable,
            locked: (context) => ({...locked, ...(item.sessionSlug && {[item.sessionSlug]: context!.tenant.value})}),
          },
        },
        authorize: (context) => context !== undefined,
        allowedOrigins: [...options.allowedOrigins],
        expiresIn,
      });
    } catch (error) {
      // A malformed choice (a lifetime out of range, a slug both set and locked): say which.
      if (error instanceof EmbedValidationError) return sendJson(res, 400, {error: error.message});
      throw error;
    }
    const forwarded = new Request(new URL(PANEL_PREVIEW_ENDPOINT, options.siteUrl), {
      method: 'POST',
      headers: {'Content-Type': 'application/json', ...(req.headers.origin && {Origin: req.headers.origin})},
      body: JSON.stringify(body.request ?? null),
    });
    const answer = await handler(forwarded, user);
    send(res, answer.status, await answer.text(), Object.fromEntries(answer.headers));
  };
}
