// The dashboard page: host-page controls write the element's param-*, theme and locale attributes.
import {attachEventLog} from './event-log.js';
import {enhanceSecretControl} from './secret-control.js';
import {enhanceUserSwitch} from './user-switch.js';

/** Metabase's date-range syntax: `from~to`, open on either side (`from~`, `~to`). */
export function dateRangeValue(from: string, to: string): string | undefined {
  if (!from && !to) return undefined;
  return `${from}~${to}`;
}

function setParam(embed: Element, slug: string, value: string | undefined) {
  if (value) embed.setAttribute(`param-${slug}`, value);
  else embed.removeAttribute(`param-${slug}`);
}

const embed = document.querySelector('metabase-embed#dashboard')!;
const controls = document.querySelector<HTMLFormElement>('[data-dashboard-controls]')!;
const stage = embed.closest<HTMLElement>('.embed-stage')!;

controls.addEventListener('change', (event) => {
  const field = event.target as HTMLInputElement | HTMLSelectElement;
  if (field.name === 'select') {
    setParam(embed, field.dataset.slug!, field.value);
  } else if (field.name === 'from' || field.name === 'to') {
    const range = field.closest<HTMLFieldSetElement>('fieldset')!;
    const value = (name: string) => range.querySelector<HTMLInputElement>(`input[name="${name}"]`)!.value;
    setParam(embed, range.dataset.slug!, dateRangeValue(value('from'), value('to')));
  } else if (field.name === 'locale') {
    if (field.value) embed.setAttribute('locale', field.value);
    else embed.removeAttribute('locale');
  } else if (field.name === 'theme') {
    embed.setAttribute('theme', field.value);
    stage.dataset.theme = field.value;
  }
});

attachEventLog();
enhanceUserSwitch();
enhanceSecretControl();
