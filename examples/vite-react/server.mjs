// The token endpoint of the app, run beside it (Vite forwards /api here, see vite.config.ts;
// in production, route /api to it the same way). The page asks its own origin, so it needs
// no CORS; add `authorize` to check your session.
//
//   node --env-file=.env server.mjs      (METABASE_SITE_URL, METABASE_SECRET_KEY)
import {createServer} from 'node:http';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';

const embedEndpoint = toNodeHandler(
  createEmbedHandler({
    // Visitors may pick the category; the tenant is locked here, never taken from the page.
    resources: {'dashboard:1': {editable: ['category'], locked: {tenant: 'Acme'}}},
  }),
);

const server = createServer((req, res) => {
  if (req.url === '/api/metabase/embed') return embedEndpoint(req, res);
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 3001), '127.0.0.1', () => {
  console.log(`Token endpoint: http://127.0.0.1:${server.address().port}/api/metabase/embed`);
});
