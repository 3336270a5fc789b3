// The HTML shell of /embed/dashboard/:token and /embed/question/:token (and the "Not found"
// page of any other /embed/ path). Like Metabase's, it carries no data: the page script reads
// the token from the URL and calls the API.

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

import type {Plan} from '../rules/plan.js';

const HEAD = `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Metabase embed (emulator)</title>
<link rel="stylesheet" href="/app/embed/embed-page.css">
<script src="/app/embed/embed-page.js" defer></script>
</head>`;

/** The page for a dashboard or question; `plan` tells its script what the instance's plan allows. */
export function pageHtml(resource: 'dashboard' | 'question', plan: Plan): string {
  return `<!doctype html>
<html lang="en" data-state="loading">
${HEAD}
<body>
<div id="embed-frame" class="mb-filling">
<main id="embed-root" data-resource="${escapeHtml(resource)}" data-plan="${escapeHtml(plan)}" aria-busy="true"><p class="mb-loading">Loading…</p></main>
</div>
<noscript>This embedded ${escapeHtml(resource)} needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * Any other `/embed/…` path, `/embed/document/<token>` among them: Metabase's embed app shows
 * "Not found" in its frame. The text is in the shell; the script only reports the frame's size.
 */
export function notFoundPageHtml(): string {
  return `<!doctype html>
<html lang="en" data-state="error">
${HEAD}
<body>
<div id="embed-frame" class="mb-filling">
<main id="embed-root" aria-busy="false"><div class="mb-error" role="alert"><p class="mb-error-message">Not found</p></div></main>
</div>
</body>
</html>
`;
}
