// Where Chromium is and how to start it on these machines (root, closed network), shared by
// the test runner, the screenshot script and the benchmarks.
import {existsSync} from 'node:fs';

/** Flags that let Debian's Chromium run headless as root with no network but loopback. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** CHROME_PATH, else Debian's /usr/bin/chromium; undefined when neither exists (a launcher may find its own). */
export function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Like chromiumPath(), but says what to do when there is none. */
export function requireChromiumPath() {
  const path = chromiumPath();
  if (!path || !existsSync(path))
    throw new Error(
      `No Chromium at ${path ?? '/usr/bin/chromium'}: install it (apt-get install chromium) or set CHROME_PATH.`,
    );
  return path;
}

/**
 * Debian's Chromium through puppeteer-core, headless, with a throwaway profile (its caches
 * too, through XDG_*); `close()` stops it and removes the profile. For scripts and Node tests
 * that drive Chromium themselves (the test runner has its own launcher).
 */
export async function launchChromium(label = 'chromium') {
  const [{default: puppeteer}, {mkdtempSync, rmSync}, {tmpdir}, {join}] = await Promise.all([
    import('puppeteer-core'),
    import('node:fs'),
    import('node:os'),
    import('node:path'),
  ]);
  const profile = mkdtempSync(join(tmpdir(), `metabase-embed-${label}-`));
  const browser = await puppeteer.launch({
    executablePath: requireChromiumPath(),
    headless: true,
    args: chromiumFlags,
    userDataDir: join(profile, 'user-data'),
    env: {...process.env, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache')},
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}
