// The page, rendered by react-dom/server and hydrated in the browser with the same props: the
// attributes embedAttributes returned (the dashboard, the filters, the site, a first token
// the server signed) spread onto <MetabaseEmbed>, and a category picker over it.
import {useState} from 'react';
import {MetabaseEmbed} from 'metabase-embed/react';
import type {EmbedAttributes} from 'metabase-embed/server';

export const CATEGORIES = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];

/** The page's filter: the visitor's pick re-signs the embed below it. */
export function CategoryPicker({category, onPick}: {category: string; onPick: (category: string) => void}) {
  return (
    <label>
      Category{' '}
      <select value={category} onChange={(event) => onPick(event.target.value)}>
        {CATEGORIES.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
    </label>
  );
}

export interface AppProps {
  /** From `embed.embedAttributes({dashboard: 1, params: {category}})` on the server. */
  attributes: EmbedAttributes;
  category: string;
}

export function App({attributes, category: signed}: AppProps) {
  const [category, setCategory] = useState(signed);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState('');
  return (
    <main>
      <h1>Sales overview</h1>
      <CategoryPicker category={category} onPick={setCategory} />
      {/* The same filters as the token's: the element shows it without asking the endpoint. */}
      <MetabaseEmbed
        endpoint="/api/metabase/embed"
        {...attributes}
        params={{category}}
        minHeight={300}
        onMetabaseEmbedLoad={() => setLoads((count) => count + 1)}
        onMetabaseEmbedError={(event) => setError(event.detail.message)}
      >
        <p slot="loading">Loading the sales dashboard…</p>
      </MetabaseEmbed>
      <p role="status">{error ? `Error: ${error}` : `Dashboard loaded ${loads} time(s)`}</p>
    </main>
  );
}
