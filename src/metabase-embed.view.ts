// <metabase-embed>'s shadow DOM: three boxes written once, after which only which box shows
// and the error message change. Plain DOM, not lit-html: a template engine would add ~3 kB
// gzip to the CDN bundles to draw markup that never changes shape.
import {resizeNoneStyles} from './metabase-embed.styles.js';

const markup =
  '<div class="frames"></div>' +
  '<div class="placeholder" part="loading"><slot name="loading"><div class="skeleton"></div></slot></div>' +
  '<div class="error placeholder" part="error" role="alert" hidden><slot name="error">' +
  '<p></p><button part="retry-button" type="button">Retry</button>' +
  '</slot></div>';

export interface EmbedView {
  /** Where the iframes go (controllers/frames-controller.ts). */
  readonly frames: HTMLElement;
  /** The error box with `message` (the default slot shows it), else the loading box until a frame shows. */
  show(message: string | undefined, frameShowing: boolean): void;
  /** `resize="none"`: the element's CSS height instead of the content's. */
  fixHeight(fixed: boolean): void;
}

/**
 * Appends the boxes to `root`, after whatever is already there: the `<style>` elements
 * ReactiveElement adds where a browser lacks adopted stylesheets must stay.
 */
export function createEmbedView(root: ParentNode, onRetry: () => void): EmbedView {
  const template = document.createElement('template');
  template.innerHTML = markup; // constant markup: nothing from attributes or answers
  const [frames, loading, error] = template.content.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
  const text = error.querySelector('p')!;
  error.querySelector('button')!.addEventListener('click', onRetry);
  // In the root only while on, not switched by its `media`: WebKitGTK does not restyle the
  // shadow tree when a <style>'s `media` changes, and resize="none" had no effect there.
  const fixedHeight = document.createElement('style');
  fixedHeight.textContent = resizeNoneStyles;
  root.append(template.content);
  return {
    fixHeight(fixed) {
      if (fixed) root.append(fixedHeight);
      else fixedHeight.remove();
    },
    frames,
    show(message, frameShowing) {
      loading.hidden = message !== undefined || frameShowing;
      error.hidden = message === undefined;
      text.textContent = message ?? ''; // text, never markup
    },
  };
}
