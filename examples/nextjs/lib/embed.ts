// The token endpoint's policy, shared by the route handler (renewals, filter changes) and by
// the page, which signs the first token itself. Settings come from METABASE_SITE_URL and
// METABASE_SECRET_KEY, read at the first request: `next build` imports this module without them.
import 'server-only';
import {createEmbedHandler} from 'metabase-embed/server';

export interface Session {
  tenant: string;
}

/** A stand-in for your session lookup (cookies(), your auth library): every visitor is Acme here. */
export async function currentSession(): Promise<Session> {
  return {tenant: 'Acme'};
}

export const embed = createEmbedHandler<Session>({
  resources: {
    'dashboard:1': {editable: ['category'], locked: (session) => ({tenant: session.tenant})},
  },
});
