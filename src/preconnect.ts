// A preconnect hint for Metabase's origin: while the token is fetched, the browser can open
// the connection the embed's iframe will use, instead of opening it after the answer.

/** Adds `<link rel="preconnect" href="<origin>">` to the document's head, once per origin. */
export function preconnect(siteUrl: string): void {
  const {origin} = new URL(siteUrl); // the site-url attribute, already a checked http(s) URL
  const head = document.head;
  if (!head) return;
  for (const link of head.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect" i][href]')) {
    if (link.href.startsWith(`${origin}/`)) return; // a resolved href always has a path
  }
  // No crossorigin: an iframe's navigation uses the credentialed, non-CORS connection.
  head.append(Object.assign(document.createElement('link'), {rel: 'preconnect', href: origin}));
}
