// `metabase-embed/svelte`: types only. `import 'metabase-embed/svelte'` once in a Svelte 5 app
// (in a .ts file or app.d.ts) declares <metabase-embed> in `svelte/elements`, so svelte-check
// checks its attributes and `onmetabase-embed-*` handlers. Svelte 5 sets a prop as a property
// when the element has one (`params={{…}}`) and adds `on<event>` props as event listeners.
import type {HTMLAttributes} from 'svelte/elements';
import type {AttributeTemplateProps} from './embed/attributes.js';
import type {MetabaseEmbedEventMap} from './embed/embed-types.js';
import type {MetabaseEmbedElement} from './metabase-embed.js';

/** `<metabase-embed>`'s props in Svelte 5: HTML's own, the declared attributes, `param-<slug>` and the events. */
export type MetabaseEmbedSvelteProps = Omit<HTMLAttributes<MetabaseEmbedElement>, keyof AttributeTemplateProps> &
  AttributeTemplateProps & {
    [filter: `param-${string}`]: string | undefined;
  } & {
    [K in keyof MetabaseEmbedEventMap as `on${K}`]?: (event: MetabaseEmbedEventMap[K]) => void;
  };

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'metabase-embed': MetabaseEmbedSvelteProps;
  }
}
