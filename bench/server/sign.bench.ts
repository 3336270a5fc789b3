// The server's rows of the bench table alone (no browser): the token endpoint under
// autocannon and signing throughput, each next to its jsonwebtoken baseline.
//
//   npx tsx bench/server/sign.bench.ts [--runs=N]
import {runBench} from '../bench.js';

const runs = process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length);
await runBench({only: ['endpoint', 'signing'], runs: Number(runs ?? 5)});
