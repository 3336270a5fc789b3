// The sales dashboard under a category picker. The picked category is a filter the token
// endpoint (server.mjs) signs; the tenant is locked there, never chosen by the page.
import {useState} from 'react';
import 'metabase-embed/jsx'; // <metabase-embed> in TSX: its attributes, properties and events

const CATEGORIES = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];

export default function App() {
  const [category, setCategory] = useState('');
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState('');

  return (
    <main>
      <h1>Sales overview</h1>
      <label>
        Category{' '}
        <select value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">All</option>
          {CATEGORIES.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <metabase-embed
        dashboard={1}
        endpoint="/api/metabase/embed"
        params={category ? {category} : {}}
        min-height={300}
        onmetabase-embed-load={() => setLoads((count) => count + 1)}
        onmetabase-embed-error={(event) => setError(event.detail.message)}
      >
        <p slot="loading">Loading the sales dashboard…</p>
      </metabase-embed>
      <p role="status">{error ? `Error: ${error}` : `Dashboard loaded ${loads} time(s)`}</p>
    </main>
  );
}
