import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
// Defines <metabase-embed> before React first renders it, so that React 19 sets `params` as
// a property of the element.
import 'metabase-embed';
import App from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
