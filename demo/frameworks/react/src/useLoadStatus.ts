// The status line under the dashboard, shared by the React 19 app and the React 18 one
// (demo/frameworks/react18/): how many times the embed loaded, or its last error.
import {useState} from 'react';

export function useLoadStatus() {
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState('');
  return {
    status: error ? `Error: ${error}` : `Dashboard loaded ${loads} time(s)`,
    loaded: () => setLoads((count) => count + 1),
    failed: (message: string) => setError(message),
  };
}
