// The app's server: react-dom/server renders the page with a first token it signs itself
// (embedAttributes), <MetabaseEmbed> at / and the plain tag at /plain; serves the client
// bundle (client.js, built beside this file) and the token endpoint, which renews the token
// and signs filter changes.
//
//   METABASE_SITE_URL=… METABASE_SECRET_KEY=… PORT=3000 node dist/server.js
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {renderToString} from 'react-dom/server';
import {createEmbedHandler, toNodeHandler} from 'metabase-embed/server';
import {App, CATEGORIES, type AppProps} from './App.js';
import {PlainApp} from './PlainApp.js';

const embed = createEmbedHandler({
  // Visitors may pick the category; the tenant is locked here, never taken from the page.
  resources: {'dashboard:1': {editable: ['category'], locked: {tenant: 'Acme'}}},
});
const endpoint = toNodeHandler(embed);
const clientScript = new URL('./client.js', import.meta.url);

// Inside <script type="application/json">: no "</script>" may end it early.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const pages = {'/': App, '/plain': PlainApp};

async function page(name: keyof typeof pages, category: string): Promise<string> {
  const props: AppProps = {attributes: await embed.embedAttributes({dashboard: 1, params: {category}}), category};
  const Page = pages[name];
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>Sales overview</title>
    <script type="module" src="/client.js"></script>
  </head>
  <body>
    <div id="root">${renderToString(<Page {...props} />)}</div>
    <script type="application/json" id="app-props">${scriptJson(props)}</script>
  </body>
</html>
`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/metabase/embed') return void endpoint(req, res);
  const send = (body: string | Buffer, type: string) => res.writeHead(200, {'Content-Type': type}).end(body);
  const failed = (error: unknown) => {
    console.error(error);
    res.writeHead(500).end('Internal error.');
  };
  if (url.pathname === '/client.js') {
    readFile(clientScript).then((body) => send(body, 'text/javascript; charset=utf-8'), failed);
  } else if (url.pathname === '/' || url.pathname === '/plain') {
    const asked = url.searchParams.get('category') ?? '';
    page(url.pathname, CATEGORIES.includes(asked) ? asked : 'Widget').then(
      (html) => send(html, 'text/html; charset=utf-8'),
      failed,
    );
  } else res.writeHead(404).end('Not found.');
});
server.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  console.log(`Open http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}/`);
});
