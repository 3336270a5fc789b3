// The same app through React 18's server renderer (`vite build --ssr src/server.tsx`, as
// test/frameworks does): metabase-embed/react must render in Node without a DOM.
import {renderToString} from 'react-dom/server';
import {version} from 'react';
import {App} from './App.js';

export const reactVersion = version;

export const renderApp = (): string => renderToString(<App />);
