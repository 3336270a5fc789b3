'use client';
// A client component: the visitor picks a category, <MetabaseEmbed> asks the route handler
// for a token with it, and the load event counts what was shown.
import {useState} from 'react';
import {MetabaseEmbed} from 'metabase-embed/react';

const categories = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];

export function CategoryPanel() {
  const [category, setCategory] = useState('Widget');
  const [loads, setLoads] = useState(0);
  return (
    <section id="client-state">
      <h2>Pick a category</h2>
      <label>
        Category{' '}
        <select value={category} onChange={(event) => setCategory(event.target.value)}>
          {categories.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <MetabaseEmbed
        dashboard={1}
        endpoint="/api/metabase/embed"
        params={{category}}
        onMetabaseEmbedLoad={() => setLoads((count) => count + 1)}
      >
        <p slot="loading">Loading the {category} dashboard…</p>
      </MetabaseEmbed>
      <p role="status">Dashboard loaded {loads} time(s)</p>
    </section>
  );
}
