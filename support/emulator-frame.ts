// What the test runner's emulator-frame and emulator-console commands (test/support/
// emulator-plugin.ts) answer and take: the emulator's embed page as a user sees it. Types
// only, shared by the browser tests of test/ and emulator/test.

/** Keys a test may press by name (the tab bar's keys). */
export type PressedKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export interface FrameSnapshot {
  state: string | null;
  lang: string;
  title: string | null;
  pageError: string | null;
  cardErrors: string[];
  parameters: {slug: string; label: string; value: string}[];
  /** The focused control (`name`), and whether it holds a half-typed value (a date with empty parts). */
  focus: {name: string; halfTyped: boolean} | null;
  cards: {title: string | null; display: string; text: string; rows: number; axisLabels: string[]}[];
  downloads: {results: number; pdf: boolean};
  /** The `href` of each "Download results" link. */
  downloadLinks: string[];
  bordered: boolean;
  fontFamily: string;
  /** Computed colours: [foreground, background of the nearest opaque ancestor or "transparent"]. */
  colors: {
    body: [string, string];
    title: [string, string] | null;
    axisLabel: [string, string] | null;
    tableCell: [string, string] | null;
    scalar: [string, string] | null;
    /** The first bar's fill and the first line's stroke (charts), or null. */
    bar: string | null;
    line: string | null;
    /** The first card's [border colour, background colour], or null. */
    card: [string, string] | null;
    /** A filter's label colour, or null. */
    parameter: string | null;
  };
  /** The content's height (the embed frame's scroll height), whether or not the page fills the iframe. */
  height: number;
  /** The page still fills its iframe and scrolls inside it (iframe-resizer's child is not ready). */
  filling: boolean;
  /** The page's own words: the first download link and PDF button, the filters' name, a select's empty choice. */
  words: {downloadResults: string | null; downloadPdf: string | null; filters: string | null; all: string | null};
  /** Open source's "Powered by Metabase" banner, or null (a paid plan). */
  banner: {text: string; href: string; target: string; rel: string; height: number; color: [string, string]} | null;
  /** The document's performance.timeOrigin: a new one means the page was loaded again. */
  timeOrigin: number;
  /** The tab bar's tabs (none without one). */
  tabs: {name: string; selected: boolean}[];
  /** The name of the focused tab, or null when focus is not on a tab. */
  focusedTab: string | null;
  /** The Apply button of a dashboard whose filters wait for it: null when there is none, else whether it is offered. */
  apply: {shown: boolean} | null;
  /** The page's own query string. */
  search: string;
}

export type FrameAction =
  /** `settled`: first wait until the page has shown its data or its error. */
  | {action: 'snapshot'; settled?: boolean}
  | {action: 'select'; slug: string; values: string[]}
  | {action: 'type'; name: string; keys: string}
  /** Focuses the element and presses these keys (`ArrowRight`, `Home`, …) one after another, as a user does. */
  | {action: 'press'; selector: string; keys: PressedKey[]}
  /** Clicks, as a user does, the tab named `tab` or the Apply button (`apply`). */
  | {action: 'click'; tab: string}
  | {action: 'click'; apply: true};

/** A console message of a page in the test's tab (the test page or an embed). */
export interface ConsoleEntry {
  level: string;
  text: string;
  /** The URL of the document that logged it. */
  url: string;
}
