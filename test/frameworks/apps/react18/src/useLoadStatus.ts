// The status line under the dashboard of the React 18 app: how many times the embed loaded,
// or its last error.
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
