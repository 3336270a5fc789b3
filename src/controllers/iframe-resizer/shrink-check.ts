// Makes a smaller content height reach the iframe with the settings Metabase's embed page
// gives iframe-resizer 4.3.2's child (`heightCalculationMethod: "max"`). The child then
// measures at least its own viewport, so it sees a shrink only through its "reset" path:
// it sends `reset` with its body's height, the parent script sets the iframe to it and asks
// the child again (`resetPage`). Two ways that goes wrong (iframeResizer.contentWindow.js):
// - the child answers `resetPage` before its viewport has shrunk (the parent posts the
//   request in the same task that sets the height) and reports the old, taller height;
//   its `resize` events that follow fall inside its 128 ms trigger lock and are dropped,
//   so the iframe stays tall;
// - a first height (`init`) taller than the content never takes the reset path at all.
// So after every new height the parent asks the child to measure again once the lock and
// the viewport have settled (iframe-resizer's own `resize` request: the child measures, and
// takes the reset path when nothing grew). A `resetPage` taller than the reset that asked
// for it keeps the reset height for now (no visible jump back up) and is checked the same
// way; what that check reports is the truth, taller or not.
/** Past the child's trigger lock (128 ms) and its 16 ms throttle, with the new viewport laid out. */
const settleMs = 200;

interface ResizeHandle {
  resize(): void;
}

export interface ShrinkCheck {
  /** iframe-resizer's reset path set the iframe to `height` (message-guard.ts hears it). */
  resetTo(height: number): void;
  /** The height to show for iframe-resizer's report of `height` (message `type`). */
  report(height: number, type: string): number;
  close(): void;
}

export function checkShrinks(iframe: HTMLIFrameElement): ShrinkCheck {
  let shown: number | undefined;
  /** The height iframe-resizer's reset path last set (it tells no callback). */
  let resetHeight: number | undefined;
  /** The next report answers a check of a kept reset height: believe it. */
  let verifying = false;
  let frame = 0;

  // Animation frames, not a timer: the wait is for the new height to be laid out (and it
  // costs nothing in a hidden tab, where nothing is drawn).
  const measureAgain = (verify: boolean) => {
    cancelAnimationFrame(frame);
    const start = performance.now();
    const tick = (now: number) => {
      if (now - start < settleMs) {
        frame = requestAnimationFrame(tick);
        return;
      }
      verifying = verify;
      (iframe as HTMLIFrameElement & {iFrameResizer?: ResizeHandle}).iFrameResizer?.resize();
    };
    frame = requestAnimationFrame(tick);
  };

  return {
    resetTo(height) {
      resetHeight = height;
    },
    report(height, type) {
      const answersCheck = verifying;
      verifying = false;
      const previous = shown;
      if (type === 'resetPage' && !answersCheck && resetHeight !== undefined && height > resetHeight) {
        shown = resetHeight; // maybe measured in the old viewport: kept until checked
        measureAgain(true);
      } else {
        shown = height;
        if (height !== previous && !answersCheck) measureAgain(false);
      }
      return shown;
    },
    close() {
      cancelAnimationFrame(frame);
    },
  };
}
