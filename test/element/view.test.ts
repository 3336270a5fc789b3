// The element's shadow DOM (src/metabase-embed.view.ts) on its own: what it adds to a root,
// which box shows, and that a message is only ever text.
import {expect} from '@open-wc/testing';
import {createEmbedView} from '../../src/metabase-embed.view.js';

function rootWithStyle(): {root: HTMLElement; style: HTMLStyleElement} {
  const root = document.createElement('div');
  const style = Object.assign(document.createElement('style'), {textContent: '.frames { color: red; }'});
  root.append(style);
  return {root, style};
}

const box = (root: ParentNode, part: string) => root.querySelector<HTMLElement>(`[part="${part}"]`)!;

describe('the element view', () => {
  it('keeps what the root already holds: the <style> elements written where adopted stylesheets are missing', () => {
    const {root, style} = rootWithStyle();
    const view = createEmbedView(root, () => {});
    expect(style.parentNode === root, 'the <style> is still in the root').to.equal(true);
    expect([...root.children].map((child) => child.localName + '.' + child.className)).to.deep.equal([
      'style.',
      'div.frames',
      'div.placeholder',
      'div.error placeholder',
    ]);
    expect(view.frames === root.querySelector('.frames'), 'frames is the .frames box').to.equal(true);
  });

  it('resize="none" adds its sheet to the root, and auto takes it out again', () => {
    const {root} = rootWithStyle();
    const view = createEmbedView(root, () => {});
    const sheets = () => root.querySelectorAll('style').length;
    expect(sheets()).to.equal(1);
    view.fixHeight(true);
    view.fixHeight(true);
    expect(sheets()).to.equal(2);
    expect(root.lastElementChild!.textContent).to.contain('100%');
    view.fixHeight(false);
    expect(sheets()).to.equal(1);
  });

  it('shows the loading box, then nothing once a frame shows, then the error box with its message', () => {
    const {root} = rootWithStyle();
    const view = createEmbedView(root, () => {});
    const shown = () => ({loading: !box(root, 'loading').hidden, error: !box(root, 'error').hidden});
    expect(shown()).to.deep.equal({loading: true, error: false});
    view.show(undefined, false);
    expect(shown()).to.deep.equal({loading: true, error: false});
    view.show(undefined, true);
    expect(shown()).to.deep.equal({loading: false, error: false});
    view.show('No answer within 15 s.', false);
    expect(shown()).to.deep.equal({loading: false, error: true});
    expect(box(root, 'error').querySelector('p')!.textContent).to.equal('No answer within 15 s.');
    view.show(undefined, true);
    expect(shown()).to.deep.equal({loading: false, error: false});
    expect(box(root, 'error').querySelector('p')!.textContent).to.equal('');
  });

  it('writes a message as text: markup in it makes no element', () => {
    const {root} = rootWithStyle();
    const message = '<img src="x" onerror="window.viewInjected = true"><b>bold</b>';
    createEmbedView(root, () => {}).show(message, false);
    const paragraph = box(root, 'error').querySelector('p')!;
    expect(paragraph.textContent).to.equal(message);
    expect(paragraph.children).to.have.length(0);
  });

  it('the Retry button calls back once per click', () => {
    const {root} = rootWithStyle();
    let retries = 0;
    createEmbedView(root, () => retries++).show('Failed.', false);
    box(root, 'retry-button').click();
    box(root, 'retry-button').click();
    expect(retries).to.equal(2);
  });
});
