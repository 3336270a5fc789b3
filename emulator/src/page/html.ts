// The HTML shell of /embed/dashboard/:token and /embed/question/:token. Like Metabase's,
// it carries no data: the page script reads the token from the URL and calls the API.

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

import type {Plan} from '../rules/plan.js';

/** The page for a dashboard or question; `plan` tells its script what the instance's plan allows. */
export function pageHtml(resource: 'dashboard' | 'question', plan: Plan): string {
  return `<!doctype html>
<html lang="en" data-state="loading">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Metabase embed (emulator)</title>
<link rel="stylesheet" href="/app/embed/embed-page.css">
<script src="/app/embed/embed-page.js" defer></script>
</head>
<body>
<div id="embed-frame" class="mb-filling">
<main id="embed-root" data-resource="${escapeHtml(resource)}" data-plan="${escapeHtml(plan)}" aria-busy="true"><p class="mb-loading">Loading…</p></main>
</div>
<noscript>This embedded ${escapeHtml(resource)} needs JavaScript.</noscript>
</body>
</html>
`;
}
