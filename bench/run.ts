// `npm run bench`: every benchmark of metabase-embed, each next to a baseline measured in the
// same run, printed as one table after a line describing the machine. Not a test: nothing
// here asserts anything about time.
//
//   npm run bench                                  all sections (builds first)
//   npx tsx bench/run.ts --runs=3 --only=size,endpoint
import {startBenchStack, bundleFile} from './lib/bench-stack.js';
import {launchBrowser} from './lib/browser.js';
import type {BenchContext, Section} from './lib/context.js';
import {machineLine} from './lib/machine.js';
import {renderTable, type Row} from './lib/table.js';
import {manyEmbeds} from './element/many-embeds.js';
import {memory} from './element/memory.js';
import {overhead} from './element/overhead.js';
import {renewal} from './element/renewal.js';
import {tokenRequests} from './element/token-requests.js';
import {endpoint} from './server/endpoint.js';
import {size} from './size/size.js';
import {existsSync} from 'node:fs';

const sections: Record<string, Section> = {
  size,
  'token-requests': tokenRequests,
  overhead,
  renewal,
  'many-embeds': manyEmbeds,
  memory,
  endpoint,
};

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const runs = Number(option('runs') ?? 5);
const only = option('only')?.split(',') ?? Object.keys(sections);
const unknown = only.filter((name) => !(name in sections));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${option('runs')}`);
if (unknown.length > 0) throw new Error(`--only: no section ${unknown.join(', ')} (sections: ${Object.keys(sections).join(', ')})`);
if (!existsSync(bundleFile)) throw new Error(`${bundleFile} is missing: run \`npm run build\` first.`);

const stack = await startBenchStack();
const browser = await launchBrowser();
const context: BenchContext = {stack, browser, runs};
const rows: Row[] = [];
try {
  for (const name of only) {
    const started = performance.now();
    rows.push(...(await sections[name](context)));
    console.error(`${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(`\n${machineLine(browser.version)}; median (min–max) of ${runs} runs unless a row says otherwise\n`);
  console.log(renderTable(rows));
} finally {
  await browser.close();
  await stack.close();
}
