// `npm start`: the demo from the command line.
//
//   tsx demo/start.ts [--port N] [--host H] [--plan oss|pro]
//
// PORT works too (the flag wins); HOST does not (see start-options.ts). With
// METABASE_SITE_URL and METABASE_SECRET_KEY set, the demo embeds that Metabase instead of
// starting the emulator (see the README).
import {startDemo} from './demo.js';
import type {DemoLogEntry} from './host-app.js';
import {startOptions} from './start-options.js';

function logLine(entry: DemoLogEntry): string {
  const time = new Date().toLocaleTimeString();
  const who = entry.user ? ` for ${entry.user} (tenant ${entry.tenant})` : ' (no session)';
  const what = entry.kind === 'token' ? 'token request' : 'user switch';
  return `${time}  ${what} → ${entry.status}${who}`;
}

async function main() {
  const demo = await startDemo({
    ...startOptions(process.argv.slice(2), process.env),
    checkWithMetabase: true,
    log: (entry) => console.log(logLine(entry)),
  });

  console.log(`\nmetabase-embed demo: ${demo.url}\n`);
  console.log(
    demo.emulatorUrl
      ? `  Embedding from the local Metabase emulator at ${demo.emulatorUrl}\n  (sample data; a fresh secret key that never leaves this process;\n  ${
          demo.content.emulatorPlan === 'oss'
            ? 'open-source plan: a "Powered by Metabase" banner, locale, font and downloads ignored'
            : 'paid plan: no banner, locale, font and downloads apply; --plan oss for open source'
        }).`
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
