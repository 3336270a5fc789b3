// What a visitor of a framework app sees: the token the element's visible iframe carries
// (verified with jsonwebtoken, not with our signer), and what the emulator's embed page in
// that iframe shows, read through the DevTools connection (the frame is cross-origin).
import jwt from 'jsonwebtoken';
import type {Page} from 'puppeteer-core';
import type {FirstLoad, RunningApp} from './built-app.js';

export interface ShownEmbed {
  params: Record<string, unknown>;
  /** The dashboard's title as the embed page shows it. */
  title: string;
  /** The categories of the bars of the "Revenue by category" card (each bar's tooltip names one). */
  categories: string[];
}

const WAIT = {timeout: 20_000};

/**
 * What the sample "Sales overview" dashboard shows the demo's first user (tenant Acme):
 * every category, or only the one the token's `category` filter names.
 */
export function salesOverview(category?: string): ShownEmbed {
  return {
    params: category ? {category, tenant: 'Acme'} : {tenant: 'Acme'},
    title: 'Sales overview',
    categories: category ? [category] : ['Doohickey', 'Gadget', 'Gizmo', 'Widget'],
  };
}

/**
 * Waits until the one visible iframe of the page's <metabase-embed> (the first inside
 * `within`, a selector, on a page with several) carries a token whose `category` is
 * `category` (undefined: none) and its embed page has shown its data.
 */
export async function waitForEmbed(
  page: Page,
  category: string | undefined,
  secretKey: string,
  within?: string,
): Promise<ShownEmbed> {
  const handle = await page.waitForFunction(
    (wanted: string | null, embed: string) => {
      const iframes = [...(document.querySelector(embed)?.shadowRoot?.querySelectorAll('iframe') ?? [])];
      const shown = iframes.filter((iframe) => iframe.src && getComputedStyle(iframe).visibility !== 'hidden');
      if (shown.length !== 1) return false;
      const token = new URL(shown[0]!.src).pathname.split('/').at(-1)!;
      const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
        params: Record<string, unknown>;
      };
      return (claims.params.category ?? null) === wanted && token;
    },
    WAIT,
    category ?? null,
    within ? `${within} metabase-embed` : 'metabase-embed',
  );
  const token = (await handle.jsonValue()) as string;
  const {params} = jwt.verify(token, secretKey, {algorithms: ['HS256']}) as {params: Record<string, unknown>};
  const frame = page.frames().find((candidate) => candidate.url().includes(token));
  if (!frame) throw new Error('No frame shows the token of the visible iframe');
  await frame.waitForFunction("document.documentElement.dataset.state === 'ready'", WAIT);
  const view = await frame.evaluate(() => ({
    title: document.querySelector('.mb-title')?.textContent?.trim() ?? '',
    categories: [...document.querySelectorAll('[aria-label="Revenue by category"] .mb-bar title')].map(
      (tooltip) => (tooltip.textContent ?? '').split(':')[0] ?? '',
    ),
  }));
  return {params, ...view};
}

/** The app's status line (`[role=status]`) once it reads `text`, or what it reads after the wait. */
export async function statusOnceItReads(page: Page, text: string): Promise<string> {
  const read = () => page.$eval('[role=status]', (status) => status.textContent ?? '');
  try {
    await page.waitForFunction(
      (wanted: string) => document.querySelector('[role=status]')?.textContent === wanted,
      WAIT,
      text,
    );
  } catch {
    // Timed out: the assertion shows what the visitor reads instead.
  }
  return read();
}

export interface Refiltered {
  shown: ShownEmbed;
  /** Token requests the app's endpoint has had so far. */
  tokenRequests: number;
  status: string;
  consoleProblems: string[];
}

/**
 * Picks `category` in the app's `select` and waits for the embed to show it and for the
 * status line to count the `loads`-th load; returns what the visitor then sees.
 */
export async function pickCategory(
  app: RunningApp,
  {category, loads, select = 'select'}: {category: string; loads: number; select?: string},
): Promise<Refiltered> {
  await app.page.select(select, category);
  const shown = await waitForEmbed(app.page, category, app.host.secretKey);
  const status = await statusOnceItReads(app.page, `Dashboard loaded ${loads} time(s)`);
  return {shown, tokenRequests: app.tokenRequests.length, status, consoleProblems: app.consoleProblems};
}

/** What pickCategory should see: the dashboard filtered by `category`, and nothing logged. */
export const refiltered = (category: string, loads: number): Refiltered => ({
  shown: salesOverview(category),
  tokenRequests: loads,
  status: `Dashboard loaded ${loads} time(s)`,
  consoleProblems: [],
});

/**
 * What a page with `embeds` elements should have done when its first embed loaded: one token
 * request per embed (none wasted on an element still being configured), nothing logged.
 */
export const quietFirstLoad = (embeds: number): FirstLoad => ({embeds, tokenRequests: embeds, consoleProblems: []});
