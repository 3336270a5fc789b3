// The same page with the plain tag, as docs/frameworks.md recommends for React 19 server
// rendering: the attributes embedAttributes returned spread onto <metabase-embed> (a first
// token the server signed among them) and the filters as JSON text, an attribute React writes
// into the HTML. React 19 adds no listener to a custom element while it hydrates
// (facebook/react#35446), so the load and error listeners are added in an effect.
import {useEffect, useRef, useState} from 'react';
import 'metabase-embed'; // registers the element in the browser (a no-op on the server)
import 'metabase-embed/jsx'; // <metabase-embed> in TSX
import {CategoryPicker, type AppProps} from './App.js';

export function PlainApp({attributes, category: signed}: AppProps) {
  const [category, setCategory] = useState(signed);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState('');
  const embed = useRef<HTMLElementTagNameMap['metabase-embed']>(null);
  useEffect(() => {
    const element = embed.current!;
    // The server's token may have loaded before React hydrated: count that load too.
    if (element.state === 'ready') setLoads(1);
    const loaded = () => setLoads((count) => count + 1);
    const failed = (event: CustomEvent<{message: string}>) => setError(event.detail.message);
    element.addEventListener('metabase-embed-load', loaded);
    element.addEventListener('metabase-embed-error', failed);
    return () => {
      element.removeEventListener('metabase-embed-load', loaded);
      element.removeEventListener('metabase-embed-error', failed);
    };
  }, []);
  return (
    <main>
      <h1>Sales overview</h1>
      <CategoryPicker category={category} onPick={setCategory} />
      <metabase-embed
        ref={embed}
        endpoint="/api/metabase/embed"
        {...attributes}
        params={JSON.stringify({category})}
        min-height={300}
      >
        <p slot="loading">Loading the sales dashboard…</p>
      </metabase-embed>
      <p role="status">{error ? `Error: ${error}` : `Dashboard loaded ${loads} time(s)`}</p>
    </main>
  );
}
