// Entry of the embed page's script (served as /app/embed/embed-page.js). It reads the token
// from its own path, the appearance from the hash and the filter values from the query.
import {acceptParentNavigation, isFramed, postLocation, startFrameMessages} from './frame.js';
import {appearanceFrom, hashNotes, parseHash, type Appearance} from './hash-options.js';
import {EmbedPage} from './page.js';

function applyAppearance(appearance: Appearance): void {
  const html = document.documentElement;
  html.classList.toggle('mb-bordered', appearance.bordered);
  html.classList.toggle('mb-theme-night', appearance.theme === 'night');
  html.classList.toggle('mb-no-background', !appearance.background);
  if (appearance.font) html.style.setProperty('--mb-font', `"${appearance.font}"`);
  else html.style.removeProperty('--mb-font');
  html.lang = appearance.locale ?? 'en';
  html.classList.toggle('mb-fullscreen', appearance.fullscreen);
}

function logNotes(): void {
  for (const note of hashNotes(parseHash(window.location.hash))) console.error(note);
}

function start(): void {
  const root = document.getElementById('embed-root');
  const [, , resource, token] = window.location.pathname.split('/');
  if (!root || (resource !== 'dashboard' && resource !== 'question') || !token) return;
  const currentAppearance = () => appearanceFrom(parseHash(window.location.hash), isFramed());
  const appearance = currentAppearance();
  applyAppearance(appearance);
  logNotes();
  const page = new EmbedPage(root, resource, decodeURIComponent(token), appearance);
  // Metabase's "fit" mode: a fullscreen dashboard fills the frame instead of growing it.
  startFrameMessages(() => (resource === 'dashboard' && currentAppearance().fullscreen ? 'fit' : 'normal'));
  const onHashChange = () => {
    logNotes();
    const next = currentAppearance();
    applyAppearance(next);
    page.setAppearance(next);
  };
  window.addEventListener('hashchange', () => {
    onHashChange();
    postLocation();
  });
  acceptParentNavigation(() => {
    onHashChange();
    void page.reloadFilters();
    postLocation();
  });
  page.setAppearance(appearance);
  void page.load();
  postLocation();
}

start();
