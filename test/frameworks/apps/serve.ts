// Starts one framework app on loopback with its own emulator and token endpoint:
//
//   npm run build && npx tsx test/frameworks/apps/serve.ts react18|ssr|react19-ssr [port]
//
// react18 is built with Vite first (into a temporary folder, removed on exit). react19-ssr
// is set up as its test sets it up (from `npm pack`, with React 19 installed into
// node_modules/.cache/, which takes a minute the first time) and runs its own server, which
// signs the first token and answers the token endpoint: <MetabaseEmbed> at /, the plain tag
// at /plain.
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startEmulator} from 'metabase-embed-emulator';
import {startReactSsrApp} from '../support/react-ssr-app.js';
import {buildFrameworkApp} from './build.js';
import {builtApp, startFrameworkHost, type AppFiles} from './host.js';
import {ssrApp} from './ssr/page.js';

const [app, port = '0'] = process.argv.slice(2);
if (app !== 'react18' && app !== 'ssr' && app !== 'react19-ssr') {
  console.error('Usage: tsx test/frameworks/apps/serve.ts react18|ssr|react19-ssr [port]');
  process.exit(2);
}

if (app === 'react19-ssr') {
  const secretKey = randomBytes(32).toString('hex');
  const emulator = await startEmulator({secretKey});
  const served = await startReactSsrApp({emulator, secretKey, port: Number(port)});
  console.log(`The ${app} app: ${served.url} and ${served.url}plain (emulator at ${emulator.url}). Ctrl-C stops it.`);
  process.once('SIGINT', () => {
    void served.close().finally(() => emulator.close());
  });
} else {
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
}
