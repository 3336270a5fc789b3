// The browser's entry: React hydrates the server's HTML with the props it was rendered with
// (metabase-embed/react, imported by App, has registered the element by then).
import {hydrateRoot} from 'react-dom/client';
import {App, type AppProps} from './App.js';

const props = JSON.parse(document.getElementById('app-props')!.textContent) as AppProps;
hydrateRoot(document.getElementById('root')!, <App {...props} />);
