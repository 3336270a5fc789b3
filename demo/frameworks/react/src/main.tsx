// Registers <metabase-embed> before React first renders it, so that React 19 sees the
// element's properties (`params`, `fetchToken`) and sets them as properties.
import 'metabase-embed';
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
