// The embed page's select widget shows a remapped value's label and sends its value
// (the values endpoint answers `[value, label]` for remapped columns, as Metabase does).
import {expect, waitUntil} from '@open-wc/testing';
import {filterWidgets} from '../src/page/client/widgets.js';
import {translator} from '../src/page/client/ui-text.js';

describe('emulator embed page: filter widget options', () => {
  it('shows each label and keeps the value, for a chosen value too', async () => {
    const changes: unknown[] = [];
    const form = filterWidgets({
      parameters: [{id: 'c', slug: 'category_id', name: 'Category', type: 'category'}],
      values: {category_id: '67'},
      loadOptions: () =>
        Promise.resolve([
          {value: '40', label: 'Japanese'},
          {value: '67', label: 'Steakhouse'},
          {value: '99', label: '99'},
        ]),
      onChange: (_slug, value) => changes.push(value),
      t: translator(null),
    });
    document.body.append(form);
    try {
      const select = form.querySelector('select')!;
      await waitUntil(() => select.options.length === 4, 'the options arrive');
      const options = [...select.options].slice(1).map((option) => [option.value, option.textContent]);
      expect(options).to.deep.equal([
        ['40', 'Japanese'],
        ['67', 'Steakhouse'],
        ['99', '99'],
      ]);
      expect(select.value).to.equal('67');
      select.value = '40';
      select.dispatchEvent(new Event('change'));
      expect(changes).to.deep.equal(['40']);
    } finally {
      form.remove();
    }
  });
});
