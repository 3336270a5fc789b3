import {LitElement, html} from 'lit';

/** Placeholder: the element lands with issue 2. */
export class MetabaseEmbedElement extends LitElement {
  override render() {
    return html`<slot></slot>`;
  }
}
