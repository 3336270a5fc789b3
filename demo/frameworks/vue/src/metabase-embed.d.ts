// Types <metabase-embed> in Vue templates (vue-tsc, Volar): its attributes, `params` as a
// property and `@metabase-embed-*` listeners with typed events.
import type {DefineComponent} from 'vue';
import type {MetabaseEmbedEventMap, MetabaseEmbedJsxProps} from 'metabase-embed';

/** `metabase-embed-load` → `MetabaseEmbedLoad`: the prop Vue's compiler makes of `@metabase-embed-load`. */
type PascalCase<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${PascalCase<Rest>}`
  : Capitalize<S>;

type MetabaseEmbedVueProps = Omit<MetabaseEmbedJsxProps, `on${string}` | 'key' | 'ref' | 'children' | 'style'> & {
  [K in keyof MetabaseEmbedEventMap as `on${PascalCase<K>}`]?: (event: MetabaseEmbedEventMap[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'metabase-embed': DefineComponent<MetabaseEmbedVueProps>;
  }
}
