// Shrinking with the settings Metabase's embed page gives iframe-resizer's child
// (`heightCalculationMethod: "max"`): the child measures at least its viewport, so a smaller
// content height reaches the iframe only through iframe-resizer's reset path, and a shrink
// that closely follows a resize used to leave the iframe at the taller height now and then
// (see src/controllers/iframe-resizer/shrink-check.ts). Grown, then shrunk at once, many
// times over; every height the iframe is given is recorded, so a bounce back up counts too.
import {expect} from '@open-wc/testing';
import {endpointUrl, sendToEmbed} from '../support/embed-page.js';
import {embedWith, loadedIframe, until} from './helpers.js';

const REPEATS = 20;
// A few pixels apart from run to run, so a late bounce back to a run's tall height shows.
const tall = (run: number) => 900 + run;
const short = (run: number) => 220 + run;

/**
 * Every height the iframe is laid out at from now on, in order (repeats left out): a
 * ResizeObserver reports once per frame, before paint, so heights set and replaced within
 * one frame (never seen) do not count.
 */
function recordHeights(iframe: HTMLIFrameElement): number[] {
  const seen: number[] = [];
  new ResizeObserver(([entry]) => {
    const height = Math.round(entry!.borderBoxSize[0]!.blockSize);
    if (seen.at(-1) !== height) seen.push(height);
  }).observe(iframe);
  return seen;
}

/** The runs whose heights were not exactly their tall one, then their short one. */
function failedRuns(heights: number[]): number[] {
  const failed: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const start = heights.indexOf(tall(run));
    const end = heights.indexOf(tall(run + 1), start);
    const own = start < 0 ? [] : heights.slice(start, end < 0 ? undefined : end);
    if (own.join() !== [tall(run), short(run)].join()) failed.push(run);
  }
  return failed;
}

describe('shrinking with Metabase\'s iframe-resizer settings ("max")', () => {
  it("the first height is the content's, not the taller placeholder's", async () => {
    const {el} = await embedWith({attributes: {endpoint: endpointUrl({height: 300, resizer: 'max'})}});
    const iframe = await loadedIframe(el);
    // The placeholder is 600 px (--metabase-embed-height); "max" measures at least that.
    await until(() => iframe.style.height === '300px', 'the iframe at 300px');
  });

  it(`reaches the smaller height every time, without a bounce: grown to ~${tall(0)} px, then shrunk to ~${short(0)} px at once, ${REPEATS} times`, async function () {
    this.timeout(REPEATS * 5_000);
    const {el} = await embedWith({attributes: {endpoint: endpointUrl({height: 300, resizer: 'max'})}});
    const iframe = await loadedIframe(el);
    await until(() => iframe.style.height === '300px', 'the first height');
    const heights = recordHeights(iframe);
    for (let run = 0; run <= REPEATS; run++) {
      sendToEmbed(iframe, {setHeight: tall(run)});
      await until(() => heights.at(-1) === tall(run), `run ${run}: the iframe laid out at ${tall(run)}px`);
      if (run === REPEATS) break; // the last grow only closes the last run's record
      // At once: the shrink follows the resize within the child's trigger lock.
      sendToEmbed(iframe, {setHeight: short(run)});
      // A run left tall shows in the record; waiting longer would not change it.
      await until(() => heights.at(-1) === short(run), '', 3_000).catch(() => undefined);
    }
    const failed = failedRuns(heights);
    console.log(`shrinking: ${failed.length} of ${REPEATS} runs failed (${failed.join(', ')})`);
    expect(failed, `runs that stayed tall or bounced back up; heights: ${heights.join(', ')}`).to.deep.equal([]);
  });
});
