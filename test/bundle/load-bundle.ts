// Loads the built script-tag bundle the way CDN users do: a classic <script src>, no modules.
type PublicApi = typeof import('../../src/index.js');

declare global {
  interface Window {
    MetabaseEmbed?: PublicApi;
  }
}

export const bundleUrl = '/dist/cdn/metabase-embed.iife.js';

/** Adds a classic script tag; resolves on load with the errors the script threw while running. */
export function loadScript(src: string): Promise<ErrorEvent[]> {
  const errors: ErrorEvent[] = [];
  const onError = (event: ErrorEvent) => errors.push(event);
  window.addEventListener('error', onError);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => {
      window.removeEventListener('error', onError);
      resolve(errors);
    });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}
