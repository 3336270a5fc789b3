// `npm start`: the demo from the command line.
//
//   tsx demo/start.ts [--port N] [--host H]
//
// PORT and HOST work too (the flags win). With METABASE_SITE_URL and METABASE_SECRET_KEY
// set, the demo embeds that Metabase instead of starting the emulator (see the README).
import {parseArgs} from 'node:util';
import {startDemo} from './demo.js';
import type {DemoLogEntry} from './host-app.js';

function parsePort(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535 (0: any free port), got "${value}".`);
  }
  return port;
}

function logLine(entry: DemoLogEntry): string {
  const time = new Date().toLocaleTimeString();
  const who = entry.user ? ` for ${entry.user} (tenant ${entry.tenant})` : ' (no session)';
  const what = entry.kind === 'token' ? 'token request' : 'user switch';
  return `${time}  ${what} → ${entry.status}${who}`;
}

async function main() {
  const {values} = parseArgs({options: {port: {type: 'string'}, host: {type: 'string'}}});
  const port = parsePort(values.port, '--port') ?? parsePort(process.env.PORT, 'PORT');
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const demo = await startDemo({host, ...(port !== undefined && {port}), log: (entry) => console.log(logLine(entry))});

  console.log(`\nmetabase-embed demo: ${demo.url}\n`);
  console.log(
    demo.emulatorUrl
      ? `  Embedding from the local Metabase emulator at ${demo.emulatorUrl}\n  (sample data; a fresh secret key that never leaves this process).`
      : `  Embedding from ${demo.content.source}.`,
  );
  console.log('  Press Ctrl-C to stop.\n');

  const stop = () => {
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
