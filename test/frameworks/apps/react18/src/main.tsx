// metabase-embed/react registers <metabase-embed> itself: no separate import is needed.
import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {App} from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
