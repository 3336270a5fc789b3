// A click on an embed page that is known to have reached its element. Chromium hit-tests a
// cross-origin frame from its last layout, and now and then (under load, just after another
// tab closed) a click lands outside it; WebKit's WebDriver click missed once too. So before
// each click the frame is freshly drawn (two animation frames, which do not run in a
// background tab) and a capture listener in it records whether a trusted click reached the
// element; a click that did not is sent again, at most three times. A click that landed is
// never repeated, so a test that expects nothing to happen still sees nothing happen.
import {setTimeout as delay} from 'node:timers/promises';

const landedFlag = '__embedFrameClickLanded';

/** Source of a function for the frame: arms the probe, resolves true once drawn twice. */
const armProbe = (selector: string) => `() => new Promise((resolve) => {
  window.${landedFlag} = false;
  document.addEventListener('click', (event) => {
    if (event.isTrusted && event.target instanceof Element && event.target.closest(${JSON.stringify(selector)}))
      window.${landedFlag} = true;
  }, {capture: true, once: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
})`;

/** Source of a function for the frame: the probe saw the click land. */
const probeLanded = `() => window.${landedFlag} === true`;

/** What one browser driver does for the probe. */
export interface ClickDriver {
  /** Puts the test page in front (where that means anything). */
  bringToFront(): Promise<void>;
  /** Runs a function's source text in the frame and resolves to its (awaited) result. */
  evaluate(fn: string): Promise<unknown>;
  /** Resolves once the function's source text returns true in the frame; rejects after timeoutMs. */
  waitForFunction(fn: string, timeoutMs: number): Promise<void>;
  /** One trusted click on the element, as that driver sends it. */
  click(selector: string): Promise<void>;
}

export async function clickUntilLanded(driver: ClickDriver, selector: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await driver.bringToFront();
    const drawn = await Promise.race([driver.evaluate(armProbe(selector)), delay(5_000, false)]);
    if (drawn !== true) continue; // the frame was not drawn: bring the page to the front again
    await driver.click(selector);
    const landed = await driver.waitForFunction(probeLanded, 2_000).then(
      () => true,
      () => false,
    );
    if (landed) return;
  }
  throw new Error(`emulator-frame: three clicks on ${selector} never reached it in the embed page`);
}
