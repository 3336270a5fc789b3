// The Embed panel's script: reads the form into choices, keeps the live <metabase-embed>
// on them (attributes; the preview endpoint signs with the chosen policy) and regenerates
// every code block, marking the lines the change touched.
import {
  FILTER_MODES,
  MAX_LIFETIME,
  MIN_LIFETIME,
  pageSlugs,
  resourceKey,
  serverLocked,
  tagAttributes,
  type EmbedChoices,
  type FilterMode,
  type Theme,
} from './embed-panel-choices.js';
import {changedLines} from './embed-panel-diff.js';
import {pageCode, type PageLanguage} from './embed-panel-page-code.js';
import {serverCode, type ServerLanguage} from './embed-panel-server-code.js';
import {enhanceUserSwitch} from './user-switch.js';
import type {PanelData} from '../pages/embed-panel.js';

const MODE_LABELS: Record<FilterMode, string> = {
  visitor: 'Editable in the embed',
  page: 'Set by the page',
  server: 'Locked by the server',
};

const data = JSON.parse(document.getElementById('embed-panel-data')?.textContent ?? 'null') as PanelData;
const form = document.querySelector<HTMLFormElement>('[data-panel-form]')!;
const field = <T extends Element>(name: string) => form.elements.namedItem(name) as T | null;
const stage = document.querySelector<HTMLElement>('[data-panel-stage]')!;
/** The live element's own attributes, not part of the generated tag. */
const OWN_ATTRIBUTES = ['id', 'title', 'max-height'];
const shownCode = new Map<string, string>();
let lastLifetime = 600;
let policy = '';

const currentItem = () => data.items.find((item) => item.key === field<HTMLSelectElement>('item')!.value)!;

/** A new element with these properties (`textContent`, `name`, `value`, …). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  Object.assign(created, properties);
  return created;
}

/** One row per filter the item publishes as editable: who sets it, and its value. */
function renderFilterRows() {
  const item = currentItem();
  const rows = item.filters.map((filter) => {
    const mode = element('select', {name: `mode:${filter.slug}`, ariaLabel: `Who sets ${filter.label}`});
    mode.append(...FILTER_MODES.map((value) => element('option', {value, textContent: MODE_LABELS[value]})));
    let value: HTMLSelectElement | HTMLInputElement;
    if (filter.options) {
      value = element('select', {name: `value:${filter.slug}`, ariaLabel: `${filter.label} value`});
      value.append(element('option', {value: '', textContent: '(none)'}));
      value.append(...filter.options.map((option) => element('option', {value: option, textContent: option})));
    } else {
      value = element('input', {
        name: `value:${filter.slug}`,
        placeholder: filter.example ?? '',
        ariaLabel: `${filter.label} value`,
      });
    }
    const row = element('div', {className: 'filter-row'});
    row.dataset.slug = filter.slug;
    row.append(element('span', {className: 'filter-name', textContent: filter.label}), mode, value);
    return row;
  });
  const box = form.querySelector('[data-filter-rows]')!;
  box.replaceChildren(
    ...(rows.length ? rows : [element('p', {className: 'hint', textContent: 'This item has no editable filters.'})]),
  );
  const lock = form.querySelector<HTMLElement>('[data-session-lock]')!;
  lock.hidden = item.sessionSlug === undefined;
  lock.querySelector('[data-session-slug]')!.textContent = item.sessionSlug ?? '';
}

function readChoices(): EmbedChoices {
  const item = currentItem();
  const lifetime = field<HTMLInputElement>('expiresIn')!;
  // An invalid lifetime keeps the last valid one (the field shows it as invalid).
  if (lifetime.checkValidity()) lastLifetime = lifetime.valueAsNumber;
  const checked = (name: string) => field<HTMLInputElement>(name)!.checked;
  return {
    resource: item.resource,
    endpoint: data.endpoint,
    filters: item.filters.map((filter) => ({
      slug: filter.slug,
      mode: field<HTMLSelectElement>(`mode:${filter.slug}`)!.value as FilterMode,
      value: field<HTMLInputElement>(`value:${filter.slug}`)!.value.trim(),
    })),
    ...(item.sessionSlug && {session: {slug: item.sessionSlug, example: data.sessionExample}}),
    appearance: {
      theme: (form.querySelector<HTMLInputElement>('input[name=theme]:checked')?.value ?? 'light') as Theme,
      bordered: checked('bordered'),
      titled: checked('titled'),
      downloads: checked('downloads'),
    },
    expiresIn: Math.min(MAX_LIFETIME, Math.max(MIN_LIFETIME, lastLifetime)),
  };
}

/** The live element: its token comes from the preview endpoint, signed with the chosen policy. */
function createEmbed() {
  const embed = element('metabase-embed', {id: 'panel-embed'});
  // Kept short so that the code stays in view beside it; the dashboard scrolls inside.
  embed.setAttribute('max-height', '560');
  embed.fetchToken = async ({resource, params, signal}) => {
    const response = await fetch(data.preview, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({request: {resource, params}, policy: JSON.parse(policy) as unknown}),
      signal,
    });
    const answer = (await response.json()) as {url: string; error?: string};
    if (!response.ok)
      throw Object.assign(new Error(answer.error ?? `HTTP ${response.status}`), {status: response.status});
    return answer;
  };
  stage.append(embed);
  return embed;
}

function updateEmbed(embed: HTMLElementTagNameMap['metabase-embed'], choices: EmbedChoices) {
  const attributes = new Map(tagAttributes(choices).filter(([name]) => name !== 'endpoint'));
  for (const name of embed.getAttributeNames()) {
    if (!OWN_ATTRIBUTES.includes(name) && !attributes.has(name)) embed.removeAttribute(name);
  }
  const nextPolicy = JSON.stringify({
    key: resourceKey(choices),
    editable: pageSlugs(choices),
    locked: serverLocked(choices),
    expiresIn: choices.expiresIn,
  });
  const policyChanged = policy !== '' && nextPolicy !== policy;
  policy = nextPolicy;
  for (const [name, value] of attributes) if (embed.getAttribute(name) !== value) embed.setAttribute(name, value);
  embed.title = `Live preview: ${currentItem().title}`;
  stage.dataset.theme = choices.appearance.theme;
  // Attributes re-sign by themselves; a policy change alone needs a fresh token.
  if (policyChanged) embed.reload();
}

function renderCode(block: HTMLElement, text: string) {
  const before = shownCode.get(block.dataset.code!);
  const changed = before === undefined ? [] : changedLines(before, text);
  shownCode.set(block.dataset.code!, text);
  const lines = text.split('\n').map((line, index) => {
    const span = element(changed[index] ? 'mark' : 'span', {className: 'line', textContent: `${line}\n`});
    if (changed[index]) span.dataset.changed = '';
    return span;
  });
  block.querySelector('code')!.replaceChildren(...lines);
}

function updateCode(choices: EmbedChoices) {
  for (const block of document.querySelectorAll<HTMLElement>('[data-code]')) {
    const [group, language] = block.dataset.code!.split(':');
    renderCode(
      block,
      group === 'page' ? pageCode(language as PageLanguage, choices) : serverCode(language as ServerLanguage, choices),
    );
  }
}

for (const tablist of document.querySelectorAll<HTMLElement>('[data-tabs]')) {
  tablist.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLButtonElement>('[role=tab]');
    if (!tab) return;
    for (const other of tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      document.getElementById(other.getAttribute('aria-controls')!)!.hidden = !selected;
    }
  });
}

renderFilterRows();
const embed = createEmbed();
function update() {
  const choices = readChoices();
  updateEmbed(embed, choices);
  updateCode(choices);
}
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).getAttribute('name') === 'item') renderFilterRows();
  update();
});
form.addEventListener('submit', (event) => event.preventDefault());
update();
enhanceUserSwitch();
