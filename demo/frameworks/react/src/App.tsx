// A React 19 page with a category picker and a Metabase dashboard that follows it.
import 'metabase-embed/jsx'; // declares <metabase-embed> in React.JSX (types only)
import {useState} from 'react';
import type {FetchToken} from 'metabase-embed';
import {CategoryPicker} from './CategoryPicker.js';
import {useLoadStatus} from './useLoadStatus.js';

const SALES_DASHBOARD = 1; // "Sales overview" in the emulator's sample content

/** The app's own transport: its token endpoint, with a header the app's backend may check. */
const fetchToken: FetchToken = async ({resource, params, signal}) => {
  const response = await fetch('/api/metabase/embed', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Requested-With': 'metabase-embed-react-demo'},
    body: JSON.stringify({resource, params}),
    signal,
  });
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), {status: response.status});
  return (await response.json()) as {url: string};
};

export function App() {
  const [category, setCategory] = useState('');
  const {status, loaded, failed} = useLoadStatus();

  return (
    <main>
      <CategoryPicker value={category} onChange={setCategory} />
      <metabase-embed
        dashboard={SALES_DASHBOARD}
        params={category ? {category} : {}}
        fetchToken={fetchToken}
        theme="light"
        min-height={300}
        onmetabase-embed-load={loaded}
        onmetabase-embed-error={(event) => failed(event.detail.message)}
      >
        <p slot="loading">Loading the sales dashboard…</p>
      </metabase-embed>
      <p role="status">{status}</p>
    </main>
  );
}
