// Serves the built app (`vite build` writes dist) and signs Metabase embed tokens
// at /api/metabase/embed. `vite` (dev) sends /api to this server (vite.config.ts).
//
//   node --env-file=.env server.mjs      (METABASE_SITE_URL, METABASE_SECRET_KEY, PORT)
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize, sep} from 'node:path';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';

const embedEndpoint = toNodeHandler(
  createEmbedHandler({
    // The site and secret come from METABASE_SITE_URL and METABASE_SECRET_KEY.
    // Visitors may pick the category; the tenant is locked here (in your app: the signed-in
    // user's), never taken from the page. Add `authorize` to check your session.
    resources: {'dashboard:1': {editable: ['category'], locked: {tenant: 'Acme'}}},
  }),
);

const root = join(import.meta.dirname, 'dist');
const types = {'.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml'};

async function serveFile(req, res) {
  const path = normalize(join(root, new URL(req.url, 'http://localhost').pathname));
  // Anything outside the build, and the app's own routes, get index.html.
  const file = path.startsWith(root + sep) && extname(path) in types ? path : join(root, 'index.html');
  try {
    const body = await readFile(file);
    res.writeHead(200, {'Content-Type': `${types[extname(file)]}; charset=utf-8`}).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

const server = createServer((req, res) => {
  if (req.url === '/api/metabase/embed') return embedEndpoint(req, res);
  if (req.method !== 'GET') return res.writeHead(405, {Allow: 'GET'}).end();
  return serveFile(req, res);
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`Open http://127.0.0.1:${server.address().port}/`);
});
