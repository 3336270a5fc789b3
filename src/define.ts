import {MetabaseEmbedElement} from './metabase-embed.js';

export const tagName = 'metabase-embed';

/** Registers `<metabase-embed>`; a second call is a no-op. */
export function defineMetabaseEmbed(tag = tagName, registry: CustomElementRegistry | undefined = globalThis.customElements) {
  if (registry && !registry.get(tag)) registry.define(tag, class extends MetabaseEmbedElement {});
}

defineMetabaseEmbed();

declare global {
  interface HTMLElementTagNameMap {
    'metabase-embed': MetabaseEmbedElement;
  }
}
