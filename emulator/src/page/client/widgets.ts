// Filter widgets for the editable parameters a visitor may change: a select for text
// filters (options from the values endpoint), date inputs for dates, an input otherwise.
import {h} from './dom.js';
import type {ValueChoice} from './api-client.js';
import type {FilterValue} from './filter-values.js';
import type {Translate} from './ui-text.js';

export interface WidgetParameter {
  id: string;
  slug: string;
  name: string;
  type: string;
  /** Shown while the URL does not set the slug. */
  default?: unknown;
}

export interface WidgetOptions {
  parameters: readonly WidgetParameter[];
  values: Record<string, FilterValue>;
  /** Options of a text filter's select. */
  loadOptions(parameter: WidgetParameter): Promise<ValueChoice[]>;
  onChange(slug: string, value: FilterValue): void;
  /** The page's words ("All", "from", "to"). */
  t: Translate;
}

const list = (value: FilterValue | undefined) =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function selectWidget(parameter: WidgetParameter, current: string[], options: WidgetOptions): HTMLSelectElement {
  const select = h('select', {name: parameter.slug, 'aria-label': parameter.name, multiple: current.length > 1});
  const fill = (choices: ValueChoice[]) => {
    // Options may arrive after the visitor chose: keep what is selected now.
    const selected =
      select.options.length > 0 ? [...select.selectedOptions].map((option) => option.value).filter(Boolean) : current;
    select.replaceChildren(h('option', {value: ''}, options.t('all')));
    const labels = new Map(choices.map(({value, label}) => [value, label]));
    for (const value of new Set([...labels.keys(), ...selected])) {
      select.append(h('option', {value, selected: selected.includes(value)}, labels.get(value) ?? value));
    }
  };
  fill([]);
  options.loadOptions(parameter).then(fill, () => undefined); // keep the current values if listing fails
  select.addEventListener('change', () => {
    const chosen = [...select.selectedOptions].map((option) => option.value).filter(Boolean);
    options.onChange(parameter.slug, chosen.length === 0 ? null : chosen.length === 1 ? chosen[0]! : chosen);
  });
  return select;
}

function dateRangeWidget(parameter: WidgetParameter, current: string[], options: WidgetOptions): HTMLElement {
  const [from = '', to = ''] = (current[0] ?? '').split('~');
  const single = !(current[0] ?? '').includes('~');
  const start = h('input', {
    type: 'date',
    name: `${parameter.slug}-from`,
    'aria-label': options.t('rangeFrom', {name: parameter.name}),
    value: single ? (current[0] ?? '') : from,
  });
  const end = h('input', {
    type: 'date',
    name: `${parameter.slug}-to`,
    'aria-label': options.t('rangeTo', {name: parameter.name}),
    value: single ? (current[0] ?? '') : to,
  });
  const changed = () =>
    options.onChange(parameter.slug, start.value || end.value ? `${start.value}~${end.value}` : null);
  start.addEventListener('change', changed);
  end.addEventListener('change', changed);
  return h('span', {class: 'mb-range'}, start, '–', end);
}

function inputWidget(parameter: WidgetParameter, current: string[], options: WidgetOptions): HTMLInputElement {
  const type = parameter.type === 'number/=' ? 'number' : parameter.type === 'date/single' ? 'date' : 'search';
  const input = h('input', {type, name: parameter.slug, 'aria-label': parameter.name, value: current.join(',')});
  input.addEventListener('change', () =>
    options.onChange(parameter.slug, input.value.trim() === '' ? null : input.value.trim()),
  );
  return input;
}

function widget(parameter: WidgetParameter, options: WidgetOptions): Element {
  const current = list(options.values[parameter.slug]);
  if (parameter.type === 'date/range') return dateRangeWidget(parameter, current, options);
  if (['string/=', 'category', 'id'].includes(parameter.type)) return selectWidget(parameter, current, options);
  return inputWidget(parameter, current, options);
}

export function filterWidgets(options: WidgetOptions): HTMLElement {
  const form = h('form', {class: 'mb-parameters', role: 'search', 'aria-label': options.t('filters')});
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const parameter of options.parameters) {
    form.append(
      h(
        'label',
        {class: 'mb-parameter', 'data-slug': parameter.slug},
        h('span', {class: 'mb-parameter-name'}, parameter.name),
        widget(parameter, options),
      ),
    );
  }
  return form;
}
