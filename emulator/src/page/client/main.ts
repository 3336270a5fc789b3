// Entry of the embed page's script (served as /app/embed/embed-page.js). It reads the token
// from its own path, the appearance from the hash and the filter values from the query.
import {acceptParentNavigation, isFramed, startFrameMessages} from './frame.js';
import type {Plan} from '../../rules/plan.js';
import {poweredByBanner} from './banner.js';
import {appearanceFrom, colorVariables, hashNotes, parseHash, type Appearance} from './hash-options.js';
import {messagesLocale, translator} from './ui-text.js';
import {EmbedPage} from './page.js';
import {appearanceOnPlan, planNotes} from './plan-options.js';

/** The colour variables set last, removed again when the hash drops them. */
let colorsSet: string[] = [];

function applyAppearance(appearance: Appearance, resource: 'dashboard' | 'question'): void {
  const html = document.documentElement;
  for (const name of colorsSet) html.style.removeProperty(name);
  const colors = colorVariables(appearance, resource);
  for (const [name, color] of colors) html.style.setProperty(name, color);
  colorsSet = [...colors.keys()];
  html.classList.toggle('mb-bordered', appearance.bordered);
  html.classList.toggle('mb-theme-night', appearance.theme === 'night');
  html.classList.toggle('mb-no-background', !appearance.background);
  if (appearance.font) html.style.setProperty('--mb-font', `"${appearance.font}"`);
  else html.style.removeProperty('--mb-font');
  // The language the page's words are in: a locale without a table of its own reads English.
  html.lang = messagesLocale(appearance.locale) === 'en' ? 'en' : (appearance.locale ?? 'en');
  html.classList.toggle('mb-fullscreen', appearance.fullscreen);
}

/** Open source: the banner at the foot of the page, below the content root, in the page's language. */
function showBanner(plan: Plan, appearance: Appearance): void {
  const frame = document.getElementById('embed-frame') ?? document.body;
  frame.querySelector(':scope > .mb-footer')?.remove();
  if (plan === 'oss') frame.append(poweredByBanner(translator(appearance.locale), document.referrer));
}

function logNotes(plan: Plan): void {
  const options = parseHash(window.location.hash);
  for (const note of hashNotes(options)) console.error(note);
  for (const note of planNotes(options, plan)) console.warn(note);
}

function start(): void {
  const root = document.getElementById('embed-root');
  if (!root) return;
  const [, , resource, token] = window.location.pathname.split('/');
  const plan: Plan = root.dataset.plan === 'pro' ? 'pro' : 'oss';
  const currentAppearance = () => appearanceOnPlan(appearanceFrom(parseHash(window.location.hash), isFramed()), plan);
  if (resource !== 'dashboard' && resource !== 'question') {
    // The "Not found" page of any other /embed/ path: its text is in the shell, and like
    // Metabase's (inside its embed frame) it still reports its size to a parent.
    startFrameMessages(
      () => 'normal',
      () => currentAppearance().contentHeight,
    );
    return;
  }
  if (!token) return;
  const appearance = currentAppearance();
  applyAppearance(appearance, resource);
  showBanner(plan, appearance);
  logNotes(plan);
  const page = new EmbedPage(root, resource, decodeURIComponent(token), appearance);
  // Metabase's "fit" mode: a fullscreen dashboard fills the frame instead of growing it.
  const updateFilling = startFrameMessages(
    () => (resource === 'dashboard' && currentAppearance().fullscreen ? 'fit' : 'normal'),
    () => currentAppearance().contentHeight,
  );
  const onHashChange = () => {
    logNotes(plan);
    const next = currentAppearance();
    applyAppearance(next, resource);
    updateFilling();
    showBanner(plan, next);
    page.setAppearance(next);
  };
  // The poll in frame.ts tells the parent about every URL change, these included.
  window.addEventListener('hashchange', onHashChange);
  acceptParentNavigation(() => {
    onHashChange();
    void page.reloadFilters();
  });
  // Back and forward between the tabs a visitor opened (each tab click is a history entry).
  window.addEventListener('popstate', () => void page.reloadFilters());
  page.setAppearance(appearance);
  void page.load();
}

start();
