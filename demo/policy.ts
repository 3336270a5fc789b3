// The token endpoint's policy: exactly the items the demo shows, the slugs the visitor may
// set on each, and the tenant locked from the signed-in user's session.
import type {EmbedResourcePolicy, EmbedResources} from 'metabase-embed/server';
import {resourceKey, type DemoContent, type DemoItem} from './content.js';
import type {DemoUser} from './session.js';

export interface DemoRequestContext {
  user?: DemoUser | undefined;
}

function itemPolicy(item: DemoItem, tenantSlug: string | undefined): EmbedResourcePolicy<DemoRequestContext> {
  if (!item.locksTenant || !tenantSlug) return {editable: item.editable};
  return {
    editable: item.editable,
    // `authorize` has already refused requests without a session.
    locked: (context) => ({[tenantSlug]: context.user!.tenant.value}),
  };
}

export function embedPolicy(content: DemoContent): EmbedResources<DemoRequestContext> {
  const items = [content.dashboard, ...(content.question ? [content.question] : []), ...content.lazy];
  const resources: Record<string, EmbedResourcePolicy<DemoRequestContext>> = {};
  for (const item of items) resources[resourceKey(item.resource)] = itemPolicy(item, content.tenantSlug);
  return resources;
}
