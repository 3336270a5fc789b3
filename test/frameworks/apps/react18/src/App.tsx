// A React 18 page with a category picker and a Metabase dashboard that follows it, through
// <MetabaseEmbed> (metabase-embed/react): React 18 would set `params` on the bare tag as
// the attribute "[object Object]" and ignore `onmetabase-embed-load`.
import {MetabaseEmbed} from 'metabase-embed/react';
import {useState, version} from 'react';
import {CategoryPicker} from './CategoryPicker.js';
import {useLoadStatus} from './useLoadStatus.js';

const SALES_DASHBOARD = 1; // "Sales overview" in the emulator's sample content

export function App() {
  const [category, setCategory] = useState('');
  const {status, loaded, failed} = useLoadStatus();

  return (
    <main>
      <h1>metabase-embed in React {version}</h1>
      <CategoryPicker value={category} onChange={setCategory} />
      <MetabaseEmbed
        dashboard={SALES_DASHBOARD}
        endpoint="/api/metabase/embed"
        params={category ? {category} : {}}
        theme="light"
        minHeight={300}
        onMetabaseEmbedLoad={loaded}
        onMetabaseEmbedError={(event) => failed(event.detail.message)}
      >
        <p slot="loading">Loading the sales dashboard…</p>
      </MetabaseEmbed>
      <p role="status">{status}</p>
    </main>
  );
}
