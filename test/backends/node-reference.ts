// The Node handler (metabase-embed/server) with the policy the Python and Ruby backends
// (demo/backends/) write out, as the reference their answers are compared with: dashboard 1
// and question MonthlyRevenueQ000301, the tenant locked from the `demo_user` cookie's user,
// and allowedOrigins [TEST_ORIGIN].
import {createEmbedHandler, type EmbedHandler} from '../../src/server/index.js';
import {SECRET} from '../server/support.js';
import {TEST_ORIGIN} from './contract-cases.js';

export interface BackendContext {
  tenant?: string | undefined;
}

const USERS: Record<string, {tenant: string}> = {ada: {tenant: 'Acme'}, grace: {tenant: 'Globex'}};

export function referenceHandler(siteUrl: string): EmbedHandler<BackendContext> {
  const tenant = (context: BackendContext) => ({tenant: context.tenant!});
  return createEmbedHandler<BackendContext>({
    siteUrl,
    secretKey: SECRET,
    resources: {
      'dashboard:1': {editable: ['category', 'created_at'], locked: tenant},
      'question:MonthlyRevenueQ000301': {editable: ['category'], locked: tenant},
    },
    authorize: (context) => context.tenant !== undefined,
    allowedOrigins: [TEST_ORIGIN],
  });
}

/** The session of a Cookie header, as the backends read it. */
export function contextOfCookie(cookie: string | null | undefined): BackendContext {
  const user = /(?:^|;\s*)demo_user=([^;]*)/.exec(cookie ?? '')?.[1];
  return {tenant: user !== undefined && Object.hasOwn(USERS, user) ? USERS[user]!.tenant : undefined};
}
