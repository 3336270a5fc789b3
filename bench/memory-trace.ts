// What the JS heap keeps after connect/disconnect cycles of <metabase-embed> (bench item 6):
// a heap snapshot after a warm-up and another after more cycles, each after forced
// collections; the objects in the second that the first did not have (snapshot ids are
// stable between snapshots of one page), grouped by kind and constructor, with the chain of
// retainers of a few of each group. Not a benchmark row: a tool for finding what is kept.
//
//   npx tsx bench/memory-trace.ts [--cycles=200] [--variant=metabase-embed|by-hand]   (after npm run build)
//
// Both variants by default, one after the other in the same browser.
import type {CDPSession} from 'puppeteer-core';
import {startBenchStack} from './lib/bench-stack.js';
import {inPage, launchBrowser} from './lib/browser.js';
import {freshSession} from './lib/context.js';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const cycles = Number(option('cycles') ?? 200);
const chosen = option('variant');
const variants = chosen ? [chosen === 'by-hand' ? 'by hand' : 'metabase-embed'] : ['metabase-embed', 'by hand'];

interface Snapshot {
  snapshot: {meta: {node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]]}};
  nodes: number[];
  edges: number[];
  strings: string[];
}

async function takeSnapshot(cdp: CDPSession): Promise<Snapshot> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = ({chunk}: {chunk: string}) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', {reportProgress: false});
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as Snapshot;
}

/** The snapshot as nodes with their retainers (reverse edges). */
function readSnapshot(data: Snapshot) {
  const {
    node_fields: nodeFields,
    node_types: nodeTypes,
    edge_fields: edgeFields,
    edge_types: edgeTypes,
  } = data.snapshot.meta;
  const nodeWidth = nodeFields.length;
  const edgeWidth = edgeFields.length;
  const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((field) =>
    nodeFields.indexOf(field),
  ) as [number, number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) =>
    edgeFields.indexOf(field),
  ) as [number, number, number];
  const count = data.nodes.length / nodeWidth;
  const node = (index: number) => ({
    type: nodeTypes[0][data.nodes[index * nodeWidth + typeAt]!]!,
    name: data.strings[data.nodes[index * nodeWidth + nameAt]!]!,
    id: data.nodes[index * nodeWidth + idAt]!,
    size: data.nodes[index * nodeWidth + sizeAt]!,
  });
  const retainers: Array<Array<{from: number; edge: string}>> = Array.from({length: count}, () => []);
  let edge = 0;
  for (let from = 0; from < count; from++) {
    const edges = data.nodes[from * nodeWidth + edgeCountAt]!;
    for (let i = 0; i < edges; i++, edge += edgeWidth) {
      const type = edgeTypes[0][data.edges[edge + edgeTypeAt]!]!;
      if (type === 'weak') continue;
      const nameOrIndex = data.edges[edge + edgeNameAt]!;
      const label = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : data.strings[nameOrIndex]!;
      retainers[data.edges[edge + toAt]! / nodeWidth]!.push({from, edge: `${type}:${label}`});
    }
  }
  return {count, node, retainers};
}

/** One chain of retainers from `index` up to a root (or 8 steps), avoiding cycles. */
function retainerChain(heap: ReturnType<typeof readSnapshot>, index: number): string {
  const steps: string[] = [];
  const seen = new Set([index]);
  let current = index;
  for (let step = 0; step < 8; step++) {
    const next = heap.retainers[current]!.find(({from}) => !seen.has(from));
    if (!next) break;
    const from = heap.node(next.from);
    steps.push(`${next.edge} ← ${from.type} ${from.name.slice(0, 60)}`);
    seen.add(next.from);
    current = next.from;
  }
  return steps.join('\n      ');
}

const stack = await startBenchStack();
const browser = await launchBrowser();
try {
  for (const variant of variants) await trace(variant);
} finally {
  await browser.close();
  await stack.close();
}

async function trace(variant: string): Promise<void> {
  const page = await browser.open(stack.hostOrigin, {scripts: ['element', 'resizer'], modules: ['memory']});
  const cdp = await page.createCDPSession();
  const args = {variant, session: freshSession('memory-trace'), embedOrigin: stack.embedOrigin};
  await inPage(page, 'connectCycles', {...args, count: 20});
  const before = readSnapshot(await takeSnapshot(cdp));
  const ids = new Set<number>();
  for (let i = 0; i < before.count; i++) ids.add(before.node(i).id);
  await inPage(page, 'connectCycles', {...args, count: cycles});
  const after = readSnapshot(await takeSnapshot(cdp));
  const groups = new Map<string, {count: number; size: number; samples: number[]}>();
  let total = 0;
  for (let i = 0; i < after.count; i++) {
    const node = after.node(i);
    if (ids.has(node.id) || node.type === 'synthetic') continue;
    total += node.size;
    const key = `${node.type} ${node.type === 'string' || node.type === 'number' ? '' : node.name.slice(0, 80)}`;
    const group = groups.get(key) ?? {count: 0, size: 0, samples: []};
    group.count++;
    group.size += node.size;
    if (group.samples.length < 2) group.samples.push(i);
    groups.set(key, group);
  }
  console.log(
    `${variant}: ${cycles} cycles after 20 warm-up ones; objects new since the first snapshot: ${total.toLocaleString('en-US')} B (${(total / cycles).toFixed(0)} B/cycle)\n`,
  );
  const sorted = [...groups].sort((a, b) => b[1].size - a[1].size);
  const list = (title: string, entries: typeof sorted) => {
    const bytes = entries.reduce((sum, [, group]) => sum + group.size, 0);
    console.log(
      `\n${title}: ${bytes.toLocaleString('en-US')} B (${(bytes / cycles).toFixed(0)} B/cycle); the largest:`,
    );
    for (const [key, {count, size, samples}] of entries.slice(0, 12)) {
      console.log(`${size.toLocaleString('en-US').padStart(9)} B ${String(count).padStart(6)}×  ${key}`);
      for (const sample of samples) console.log(`      ${retainerChain(after, sample)}`);
    }
  };
  // The browser's own objects (resource timing entries, DevTools' network buffers, compiled
  // code) apart from the page's JavaScript objects, where a leak of ours would show.
  const browserOwn = (key: string) => /^(native|code|hidden) /.test(key);
  list(
    "the browser's own (native, code, hidden)",
    sorted.filter(([key]) => browserOwn(key)),
  );
  list(
    'JavaScript objects',
    sorted.filter(([key]) => !browserOwn(key)),
  );
  await cdp.detach();
  await page.close();
}
