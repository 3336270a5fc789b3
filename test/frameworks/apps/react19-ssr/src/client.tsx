// The browser's entry: React hydrates the server's HTML with the page and props it was
// rendered with (the pages' imports have registered the element by then).
import {hydrateRoot} from 'react-dom/client';
import {App, type AppProps} from './App.js';
import {PlainApp} from './PlainApp.js';

const props = JSON.parse(document.getElementById('app-props')!.textContent) as AppProps;
const Page = location.pathname === '/plain' ? PlainApp : App;
hydrateRoot(document.getElementById('root')!, <Page {...props} />);
