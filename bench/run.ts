// `npm run bench`: every benchmark of metabase-embed, each next to a baseline measured in the
// same run, printed as one table. Not a test: nothing here asserts anything about time.
//
//   npm run bench                                      everything (builds first)
//   npx tsx bench/run.ts --runs=3 --only=size,endpoint  chosen sections, fewer runs
import {runBench, sectionNames} from './bench.js';

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

await runBench({
  only: option('only')?.split(',') ?? sectionNames,
  runs: Number(option('runs') ?? 5),
});
