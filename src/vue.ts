// `metabase-embed/vue`: types only. `import 'metabase-embed/vue'` once in a Vue 3 app (in
// main.ts or a .d.ts) declares <metabase-embed> in Vue's GlobalComponents, so vue-tsc and
// Volar check its bindings and `@metabase-embed-*` listeners in templates. Vue's compiler
// still needs `isCustomElement` to leave the tag to the browser (README, "Vue 3").
import type {ReactiveElement} from '@lit/reactive-element';
import type {DefineComponent} from 'vue';
import type {DashedProperty} from './embed/attributes.js';
import type {MetabaseEmbedEventMap} from './embed/embed-types.js';
import type {MetabaseEmbedElement} from './metabase-embed.js';

/** The element's own settable properties: not ReactiveElement's, not its read-only state or its method. */
type ElementProperty = Exclude<
  keyof MetabaseEmbedElement,
  keyof ReactiveElement | 'state' | 'expiresAt' | 'frameParams' | 'reload'
>;

/** `metabase-embed-load` → `MetabaseEmbedLoad`: the prop Vue's compiler makes of `@metabase-embed-load`. */
type PascalCase<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${PascalCase<Rest>}`
  : Capitalize<S>;

/**
 * `<metabase-embed>`'s props in Vue templates: a name the element has as a property (`:params`,
 * `:fetchToken`, `theme`, `:dashboard`), which Vue sets as that property, takes the property's
 * type (and the attribute's text where the attribute is spelled otherwise); `param-<slug>`
 * takes text; each event, as `@metabase-embed-load`, gets its typed `CustomEvent`.
 */
export type MetabaseEmbedVueProps = {
  // Where the attribute is spelled otherwise (`min-height`), Vue's tooling reads
  // `min-height="300"` and `:minHeight="300"` as one prop, and Vue sets the first as the
  // attribute: those also take the attribute's text.
  [K in ElementProperty]?: MetabaseEmbedElement[K] | (K extends DashedProperty ? string : never);
} & {
  [filter: `param-${string}`]: string | undefined;
} & {
  [K in keyof MetabaseEmbedEventMap as `on${PascalCase<K>}`]?: (event: MetabaseEmbedEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'metabase-embed': DefineComponent<MetabaseEmbedVueProps>;
  }
}
