// What every benchmark section gets, and what it gives back.
import type {BenchStack} from './bench-stack.js';
import type {BenchBrowser} from './browser.js';
import type {Row} from './table.js';

export interface BenchContext {
  stack: BenchStack;
  browser: BenchBrowser;
  /** Repetitions of each measurement (`--runs=N`); a section may take fewer when each is long. */
  runs: number;
}

/** A section that drives Chromium against the bench stack. */
export type Section = (context: BenchContext) => Promise<Row[]>;
/** A section that needs neither (sizes, the server in Node). */
export type PlainSection = (context: Pick<BenchContext, 'runs'>) => Promise<Row[]>;

/** A session name no other measurement uses, for the test signer's request log. */
export const freshSession = (() => {
  let next = 0;
  return (label: string) => `${label}-${process.pid}-${++next}`;
})();
