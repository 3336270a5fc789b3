// The token endpoint of the plain HTML page, on an origin of its own: it signs Metabase embed
// tokens for the page's origin only, and for a visitor who has a session cookie.
//
//   node --env-file=.env server.mjs      (METABASE_SITE_URL, METABASE_SECRET_KEY, APP_ORIGIN)
import {createServer} from 'node:http';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';

// Where index.html is served from: only that origin may ask for tokens (CORS).
const appOrigin = process.env.APP_ORIGIN ?? 'http://127.0.0.1:8080';

/** The visitor's session, from the cookie the page sends (credentials="include"). */
function sessionOf(request) {
  const cookie = request.headers.get('cookie') ?? '';
  return /(?:^|;\s*)session=([\w-]+)/.exec(cookie)?.[1];
}

const embedEndpoint = toNodeHandler(
  createEmbedHandler({
    // The site and secret come from METABASE_SITE_URL and METABASE_SECRET_KEY.
    // Visitors may pick the category; the tenant is locked here, never taken from the page.
    resources: {'dashboard:1': {editable: ['category'], locked: {tenant: 'Acme'}}},
    // Other origins get a 403 and no CORS header; this one may send its cookies.
    allowedOrigins: [appOrigin],
    // Replace with a lookup of your session store.
    authorize: (_context, request) => sessionOf(request) !== undefined,
  }),
);

const server = createServer((req, res) => {
  if (req.url === '/api/metabase/embed') return embedEndpoint(req, res);
  res.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 3001), '127.0.0.1', () => {
  const {port} = server.address();
  console.log(`Token endpoint: http://127.0.0.1:${port}/api/metabase/embed (for pages on ${appOrigin})`);
});
