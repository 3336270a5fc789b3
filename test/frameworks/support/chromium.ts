// Debian's Chromium (or CHROME_PATH) for the framework tests that drive a built app on its
// own server: scripts/chromium.mjs's launcher, with its own profile label.
import {launchChromium as launch, type LaunchedChromium} from '../../../scripts/chromium.mjs';

export type Chromium = LaunchedChromium;

export const launchChromium = (): Promise<Chromium> => launch('frameworks');
