// The token endpoint under attack: createEmbedHandler behind node:http on loopback, with a
// policy that has one editable and one locked slug per item, and the check every answer
// must pass: never a 500, and a token only for a listed item, verified with jsonwebtoken,
// whose locked values are the server's.
import assert from 'node:assert/strict';
import {createEmbedHandler, toNodeHandler, type EmbedHandlerOptions} from '../../src/server/index.js';
import {listenOnLoopback, SECRET, SITE, verifyWithJsonwebtoken, type LoopbackServer} from '../server/support.js';

export const ENTITY_ID = 'Xa_3-9kQpL0mNoPqRsTuV';

/** What the server locks, by allow-list key: the browser must never change these. */
export const LOCKED: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'dashboard:12': {tenant: 7},
  [`question:${ENTITY_ID}`]: {region: 'EU'},
};

export const EDITABLE: Readonly<Record<string, readonly string[]>> = {
  'dashboard:12': ['category'],
  [`question:${ENTITY_ID}`]: ['state'],
};

export function attackPolicy(): EmbedHandlerOptions['resources'] {
  return {
    'dashboard:12': {editable: EDITABLE['dashboard:12'], locked: () => ({tenant: 7})},
    [`question:${ENTITY_ID}`]: {editable: EDITABLE[`question:${ENTITY_ID}`], locked: {region: 'EU'}},
  };
}

export interface AttackServer extends LoopbackServer {
  url: string;
  /** Every 500's details (should stay empty). */
  failures: unknown[];
}

export async function serveAttackEndpoint(overrides: Partial<EmbedHandlerOptions> = {}): Promise<AttackServer> {
  const failures: unknown[] = [];
  const handler = createEmbedHandler({
    siteUrl: SITE,
    secretKey: SECRET,
    resources: attackPolicy(),
    onError: (error) => failures.push(error),
    ...overrides,
  });
  const listener = toNodeHandler(handler);
  const server = await listenOnLoopback((req, res) => void listener(req, res));
  return {...server, url: `${server.origin}/api/metabase/embed`, failures};
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs raw bytes or text; fails the test instead of hanging after 5 s. */
export async function postRaw(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : new Uint8Array(body),
    signal: AbortSignal.timeout(5_000),
  });
  return {status: response.status, headers: response.headers, text: await response.text()};
}

/**
 * The invariant of every answer: JSON, not a 500; a 200 carries a jsonwebtoken-verified
 * token for a listed item, whose locked values are exactly the server's and whose other
 * params are editable ones. Returns the verified claims of a 200, else undefined.
 */
export function assertSafeAnswer(answer: RawAnswer, what: string): Record<string, unknown> | undefined {
  assert.notEqual(answer.status, 500, `${what}: answered 500`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/, `${what}: not JSON`);
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  if (answer.status !== 200) {
    assert.ok(answer.status >= 400 && answer.status < 500, `${what}: status ${answer.status}`);
    assert.equal(typeof body['error'], 'string', `${what}: a refusal says why`);
    return undefined;
  }
  const claims = verifyWithJsonwebtoken(String(body['token']));
  const resource = claims['resource'] as Record<string, unknown>;
  const [type = ''] = Object.keys(resource);
  const key = `${type}:${String(resource[type])}`;
  const locked = LOCKED[key];
  assert.ok(locked && Object.hasOwn(LOCKED, key), `${what}: a token for ${key}, which is not listed`);
  const params = claims['params'] as Record<string, unknown>;
  for (const [slug, value] of Object.entries(locked)) {
    assert.deepEqual(params[slug], value, `${what}: locked ${slug} is not the server's`);
  }
  for (const slug of Object.keys(params)) {
    assert.ok(
      Object.hasOwn(locked, slug) || EDITABLE[key]?.includes(slug),
      `${what}: signed a slug ${JSON.stringify(slug)} that is neither locked nor editable`,
    );
  }
  assert.equal(body['url'], `${SITE}/embed/${type}/${String(body['token'])}`);
  return claims;
}
