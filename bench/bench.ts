// Every benchmark section, in table order, and runBench: runs the chosen ones and prints one
// table under a line describing the machine. Chromium and the servers start only when a
// chosen section needs them.
import {existsSync} from 'node:fs';
import {insertLoad} from './element/insert-load.js';
import {largeAnswer} from './element/large-answer.js';
import {manyEmbeds} from './element/many-embeds.js';
import {memory} from './element/memory.js';
import {firstDashboard} from './network/first-dashboard.js';
import {overhead} from './element/overhead.js';
import {renewal} from './element/renewal.js';
import {tokenRequests} from './element/token-requests.js';
import {bundleFile, startBenchStack} from './lib/bench-stack.js';
import {launchBrowser} from './lib/browser.js';
import type {PlainSection, Section} from './lib/context.js';
import {machineLine} from './lib/machine.js';
import {renderTable, type Row} from './lib/table.js';
import {endpoint} from './server/endpoint.js';
import {signing} from './server/signing.js';
import {size} from './size/size.js';

const browserSections: Partial<Record<string, Section>> = {
  'token-requests': tokenRequests,
  overhead,
  renewal,
  'many-embeds': manyEmbeds,
  memory,
  'insert-load': insertLoad,
};
const plainSections: Partial<Record<string, PlainSection>> = {
  size,
  endpoint,
  signing,
  'large-answer': largeAnswer,
  'first-dashboard': firstDashboard,
};
export const sectionNames = [
  'size',
  'token-requests',
  'overhead',
  'renewal',
  'many-embeds',
  'memory',
  'endpoint',
  'signing',
  'insert-load',
  'large-answer',
  'first-dashboard',
];

export async function runBench({only = sectionNames, runs = 5}: {only?: string[]; runs?: number} = {}): Promise<void> {
  const unknown = only.filter((name) => !sectionNames.includes(name));
  if (unknown.length > 0) throw new Error(`no section ${unknown.join(', ')} (sections: ${sectionNames.join(', ')})`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  if (!existsSync(bundleFile)) throw new Error(`${bundleFile} is missing: run \`npm run build\` first.`);

  const needsBrowser = only.some((name) => name in browserSections);
  const stack = needsBrowser ? await startBenchStack() : undefined;
  const browser = needsBrowser ? await launchBrowser() : undefined;
  const rows: Row[] = [];
  try {
    for (const name of sectionNames.filter((section) => only.includes(section))) {
      const started = performance.now();
      const section = browserSections[name];
      rows.push(
        ...(section ? await section({stack: stack!, browser: browser!, runs}) : await plainSections[name]!({runs})),
      );
      console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser?.close();
    await stack?.close();
  }
  const machine = machineLine(browser?.version);
  console.log(`\n${machine}; median (min–max) of ${runs} runs unless a row says otherwise\n`);
  console.log(renderTable(rows));
}
