// `metabase-embed/jsx`: types only. `import 'metabase-embed/jsx'` once in a React 19 app
// declares <metabase-embed> in React's own JSX namespace (`React.JSX`, which the
// `react-jsx` transform reads), where the global `JSX` that define.ts declares is not read.
import type {CSSProperties, Key, ReactNode, Ref} from 'react';
import type {MetabaseEmbedJsxProps} from './define.js';
import type {MetabaseEmbedElement} from './metabase-embed.js';

/**
 * `<metabase-embed>`'s props in React 19: the attributes; `params`, `initialParams` and
 * `fetchToken` as properties (React 19 sets a prop as a property when the element has one);
 * `onmetabase-embed-load`-style props, which React 19 adds as listeners of that event.
 */
export type MetabaseEmbedReactProps = Omit<MetabaseEmbedJsxProps, 'class' | 'style' | 'key' | 'ref' | 'children'> & {
  style?: CSSProperties;
  key?: Key | null;
  ref?: Ref<MetabaseEmbedElement>;
  /** Light-DOM content, e.g. `<div slot="loading">…</div>`. */
  children?: ReactNode;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'metabase-embed': MetabaseEmbedReactProps;
    }
  }
}
