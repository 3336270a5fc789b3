// Starts one framework app on loopback with its own emulator and token endpoint:
//
//   npm run build && npx tsx test/frameworks/apps/serve.ts react18|ssr [port]
//
// react18 is built with Vite first (into a temporary folder, removed on exit).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {buildFrameworkApp} from './build.js';
import {builtApp, startFrameworkHost, type AppFiles} from './host.js';
import {ssrApp} from './ssr/page.js';

const [app, port = '0'] = process.argv.slice(2);
if (app !== 'react18' && app !== 'ssr') {
  console.error('Usage: tsx test/frameworks/apps/serve.ts react18|ssr [port]');
  process.exit(2);
}

const outDir = mkdtempSync(join(tmpdir(), `metabase-embed-${app}-`));
let files: AppFiles = ssrApp();
if (app !== 'ssr') {
  await buildFrameworkApp(app, outDir);
  files = builtApp(outDir);
}
const host = await startFrameworkHost(files, {port: Number(port)});
console.log(`The ${app} app: ${host.url} (emulator at ${host.emulatorUrl}). Ctrl-C stops it.`);

process.once('SIGINT', () => {
  void host.close().finally(() => rmSync(outDir, {recursive: true, force: true}));
});
