// `metabase-embed/define`: registers <metabase-embed> (a second registration is a no-op) and
// declares the tag, its events and its JSX typings for TypeScript users.
import type {AttributeTemplateProps} from './embed/attributes.js';
import type {MetabaseEmbedEventMap} from './embed/embed-types.js';
import {MetabaseEmbedElement} from './metabase-embed.js';

export const tagName = 'metabase-embed';

/**
 * Registers the element under `tag` (default `metabase-embed`) in `registry`; does nothing
 * when the tag is already taken or there is no registry (server-side rendering).
 */
export function defineMetabaseEmbed(
  tag = tagName,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): void {
  // A subclass per registration: one constructor can only be defined once.
  if (registry && !registry.get(tag)) registry.define(tag, class extends MetabaseEmbedElement {});
}

defineMetabaseEmbed();

/** Attributes of `<metabase-embed>` as JSX props: the declared ones from the attribute table, and HTML's own. */
type MetabaseEmbedJsxAttributes = AttributeTemplateProps & {
  title?: string;
  id?: string;
  class?: string;
  className?: string;
  style?: unknown;
  slot?: string;
  hidden?: boolean;
  key?: string | number;
  ref?: unknown;
  children?: unknown;
  [filter: `param-${string}`]: string | undefined;
};

/** JSX props: the attributes, plus `onmetabase-embed-*` listeners (React 19 adds them as event listeners). */
export type MetabaseEmbedJsxProps = MetabaseEmbedJsxAttributes & {
  [K in keyof MetabaseEmbedEventMap as `on${K}`]?: (event: MetabaseEmbedEventMap[K]) => void;
};

declare global {
  interface HTMLElementTagNameMap {
    'metabase-embed': MetabaseEmbedElement;
  }
  // The element's five events, typed for addEventListener on any element, the document or the
  // window (they bubble and are composed).
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends MetabaseEmbedEventMap {}
  interface DocumentEventMap extends MetabaseEmbedEventMap {}
  interface WindowEventMap extends MetabaseEmbedEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
  // For React (classic JSX runtime and @types/react 18) and other JSX users. React 19's
  // types read React.JSX instead: `import 'metabase-embed/jsx'` (src/jsx.ts) declares it there.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'metabase-embed': MetabaseEmbedJsxProps;
    }
  }
}
