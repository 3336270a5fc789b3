// Where each browser engine is on this machine: the path in its environment variable, else
// the first of the usual install places that exists (Debian's first, then other Linux, macOS
// and Windows places). Shared by the test script (which checks every chosen engine before it
// starts), the launchers and the scripts that drive Chromium themselves.
import {existsSync, readdirSync} from 'node:fs';
import {delimiter, join} from 'node:path';

export const engineNames = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof engineNames)[number];

export interface WebKitPaths {
  driver: string;
  miniBrowser: string;
  /** Xvfb's path, or null: no Xvfb here, so MiniBrowser opens on the desktop's $DISPLAY. */
  xvfb: string | null;
}

/** A found path, or why it was not found and how to fix that. */
type Lookup<T> = {found: T} | {missing: string};

const onPath = (name: string): string[] =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((folder) => join(folder, name));

/** `variable`'s path when set (it must exist), else the first candidate that exists. */
function lookUp(variable: string, candidates: string[], install: string): Lookup<string> {
  const given = process.env[variable];
  if (given) return existsSync(given) ? {found: given} : {missing: `${variable} is ${given}, which does not exist`};
  const found = candidates.find((path) => existsSync(path));
  if (found) return {found};
  return {missing: `${install}, or set ${variable}; looked in ${candidates.join(', ')}`};
}

const chromiumPlaces = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const firefoxPlaces = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** WebKitGTK's MiniBrowser, under the multiarch folder of this machine (x86_64, aarch64, …). */
function miniBrowserPlaces(): string[] {
  const lib = '/usr/lib';
  const arches = existsSync(lib) ? readdirSync(lib).filter((name) => name.endsWith('-linux-gnu')) : [];
  return arches.flatMap((arch) => ['4.1', '4.0'].map((api) => join(lib, arch, `webkit2gtk-${api}`, 'MiniBrowser')));
}

function webkitLookup(): Lookup<WebKitPaths> {
  const install = 'install it (Debian: apt-get install --no-install-recommends webkit2gtk-driver xvfb xauth)';
  const driver = lookUp('WEBKIT_WEBDRIVER', ['/usr/bin/WebKitWebDriver', ...onPath('WebKitWebDriver')], install);
  if ('missing' in driver) return driver;
  const miniBrowser = lookUp('WEBKIT_MINIBROWSER', miniBrowserPlaces(), install);
  if ('missing' in miniBrowser) return miniBrowser;
  // MiniBrowser has no headless mode: it gets a private Xvfb display, or the desktop's ($DISPLAY)
  // where there is no Xvfb.
  const xvfb = lookUp('XVFB_PATH', ['/usr/bin/Xvfb', ...onPath('Xvfb')], install);
  if ('found' in xvfb) return {found: {driver: driver.found, miniBrowser: miniBrowser.found, xvfb: xvfb.found}};
  if (process.env.DISPLAY) return {found: {driver: driver.found, miniBrowser: miniBrowser.found, xvfb: null}};
  return {missing: `no display for MiniBrowser (no $DISPLAY) and ${xvfb.missing}`};
}

const lookups = {
  chromium: () => lookUp('CHROME_PATH', chromiumPlaces, 'install it (Debian: apt-get install chromium)'),
  firefox: () => lookUp('FIREFOX_PATH', firefoxPlaces, 'install it (Debian: apt-get install firefox-esr)'),
  webkit: webkitLookup,
};

const titles: Record<EngineName, string> = {chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit'};

/** Why each of `chosen` cannot run here, with how to fix it or leave it out; empty when all can. */
export function missingEngines(chosen: readonly EngineName[]): string[] {
  const problems = chosen.flatMap((engine) => {
    const lookup = lookups[engine]();
    return 'missing' in lookup ? [`No ${titles[engine]} (${engine}): ${lookup.missing}.`] : [];
  });
  if (problems.length === 0) return [];
  const available = engineNames.filter((engine) => !('missing' in lookups[engine]()));
  const instead = available.length > 0 ? `--browsers=${available.join(',')}` : '--node-only';
  return [...problems, `To run without it: npm test -- ${instead} (engines: ${engineNames.join(', ')}).`];
}

function required<T>(engine: EngineName, lookup: Lookup<T>): T {
  if ('missing' in lookup) throw new Error(`No ${titles[engine]}: ${lookup.missing}.`);
  return lookup.found;
}

/** Chromium's path, or undefined (a caller such as puppeteer may know one of its own). */
export const chromiumPath = (): string | undefined => {
  const lookup = lookups.chromium();
  return 'found' in lookup ? lookup.found : undefined;
};
export const requireChromiumPath = (): string => required('chromium', lookups.chromium());
export const requireFirefoxPath = (): string => required('firefox', lookups.firefox());
export const requireWebKitPaths = (): WebKitPaths => required('webkit', webkitLookup());
