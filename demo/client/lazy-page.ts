// The lazy page: each card says whether its embed has a token yet, and a counter shows
// how many of the dozen do.
import {enhanceSecretControl} from './secret-control.js';
import {enhanceUserSwitch} from './user-switch.js';

const counter = document.querySelector<HTMLElement>('[data-lazy-count]')!;
const requested = new Set<Element>();

document.addEventListener('metabase-embed-token', (event) => {
  const card = (event.target as Element).closest('[data-lazy-card]');
  if (!card) return;
  requested.add(card);
  counter.textContent = String(requested.size);
  card.querySelector('[data-lazy-state]')!.textContent = 'Token received';
  card.classList.add('is-requested');
});

enhanceUserSwitch();
enhanceSecretControl();
