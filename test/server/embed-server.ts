// The handler under test behind a real node:http server on loopback, with a pretend
// session: the `X-Test-User` header picks the signed-in user.
import {createEmbedHandler, toNodeHandler, type EmbedHandlerOptions} from '../../src/server/index.js';
import {FIXED_NOW, SECRET, SITE, listenOnLoopback, withLoopbackServer, type LoopbackServer} from './support.js';

export interface TestUser {
  id: string;
  tenantId: number;
}

export interface TestContext {
  user?: TestUser | undefined;
}

export const USERS: Readonly<Record<string, TestUser>> = {
  alice: {id: 'alice', tenantId: 7},
  bob: {id: 'bob', tenantId: 9},
};

export const ENDPOINT = '/api/metabase/embed';

/** Default policy: dashboard 12 with an editable `category` and a locked `tenant` from the session. */
export const DEFAULT_RESOURCES: EmbedHandlerOptions<TestContext>['resources'] = {
  'dashboard:12': {editable: ['category', 'created_at'], locked: (context) => ({tenant: context.user!.tenantId})},
};

/** The endpoint as a node:http listener, with the test defaults (and a fixed clock). */
export function embedListener(overrides: Partial<EmbedHandlerOptions<TestContext>> = {}) {
  const handler = createEmbedHandler<TestContext>({
    siteUrl: SITE,
    secretKey: SECRET,
    resources: DEFAULT_RESOURCES,
    now: () => FIXED_NOW,
    ...overrides,
  });
  return toNodeHandler(handler, (req) => {
    const id = req.headers['x-test-user'];
    return typeof id === 'string' && Object.hasOwn(USERS, id) ? {user: USERS[id]} : {};
  });
}

export async function serveEmbedEndpoint(
  overrides: Partial<EmbedHandlerOptions<TestContext>> = {},
): Promise<LoopbackServer & {url: string}> {
  const server = await listenOnLoopback(embedListener(overrides));
  return {...server, url: `${server.origin}${ENDPOINT}`};
}

/** Runs `test` against a fresh endpoint at `url`, and closes it whatever happens. */
export function withEmbedEndpoint(
  overrides: Partial<EmbedHandlerOptions<TestContext>>,
  test: (url: string) => Promise<void>,
): Promise<void> {
  return withLoopbackServer(embedListener(overrides), (origin) => test(`${origin}${ENDPOINT}`));
}
