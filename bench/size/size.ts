// Item 1: the script-tag bundle's gzip -9 bytes next to its floor (lit and iframe-resizer's
// parent script bundled alone) and next to the browser bundles of other embedding SDKs.
import {dependenciesGzipBytes, fileGzipBytes} from '../../scripts/bundle-sizes.js';
import {bundleFile} from '../lib/bench-stack.js';
import type {PlainSection} from '../lib/context.js';
import {ratio} from '../lib/stats.js';
import type {Row} from '../lib/table.js';
import {peerSizes} from './peers.js';

const bytes = (count: number) => `${count.toLocaleString('en-US')} B`;

export const size: PlainSection = async () => {
  const ours = fileGzipBytes(bundleFile);
  const floor = await dependenciesGzipBytes();
  const row = (measure: string, baselineName: string, baseline: number): Row => ({
    item: '1 size',
    measure,
    ours: bytes(ours),
    baselineName,
    baseline: bytes(baseline),
    comparison: ratio(ours, baseline),
  });
  return [
    row(`${bundleFile}, gzip -9 (one build, exact)`, 'floor: lit + iframe-resizer alone', floor),
    ...(await peerSizes()).map(({label, gzipBytes}) => row('the same', label, gzipBytes)),
  ];
};
