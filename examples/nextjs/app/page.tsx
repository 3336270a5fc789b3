// A server component: it signs the first token (the page's filter plus the session's locked
// tenant) and writes it on the plain tag, so the dashboard loads with the HTML; the element
// asks the route handler only to renew it. Below, a client component with its own state.
import 'metabase-embed/jsx';
import {MetabaseEmbed} from 'metabase-embed/react';
import {currentSession, embed} from '../lib/embed';
import {CategoryPanel} from './category-panel';

// A token is signed for each visit: never prerender this page.
export const dynamic = 'force-dynamic';

export default async function Page() {
  const attributes = await embed.embedAttributes({dashboard: 1, params: {category: 'Gizmo'}}, await currentSession());
  return (
    <main>
      <h1>metabase-embed in Next.js</h1>
      <section id="server-token">
        <h2>Gizmo, signed by the page</h2>
        <metabase-embed endpoint="/api/metabase/embed" {...attributes}>
          <p slot="loading">Loading the Gizmo dashboard…</p>
        </metabase-embed>
      </section>
      <section id="server-wrapper">
        <h2>Doohickey, with the React wrapper in a server component</h2>
        <MetabaseEmbed dashboard={1} endpoint="/api/metabase/embed" params={{category: 'Doohickey'}}>
          <p slot="loading">Loading the Doohickey dashboard…</p>
        </MetabaseEmbed>
      </section>
      <CategoryPanel />
    </main>
  );
}
