// The embed page's stylesheet (served as /app/embed/embed-page.css). Themes only swap
// CSS variables, so charts and tables stay readable on light, night and transparent pages.
export const PAGE_CSS = `
:root {
  --mb-font: "Lato";
  --mb-bg: #ffffff;
  --mb-card-bg: #ffffff;
  --mb-text: #2e353b;
  --mb-text-muted: #4c5773;
  --mb-border: #dcdfe3;
  --mb-control-border: #dcdfe3;
  --mb-grid: #e9ebee;
  --mb-accent: #2a6fb5;
  /* The line charts' colour: the accent unless #secondary-color sets it. */
  --mb-secondary: var(--mb-accent);
  --mb-error: #b3261e;
  --mb-row-height: 56px;
  color-scheme: light;
}
:root.mb-theme-night {
  --mb-bg: #2e353b;
  --mb-card-bg: #363d44;
  --mb-text: #ffffff;
  --mb-text-muted: #d2d6db;
  --mb-border: #4c5560;
  /* Quieter than the card borders: on the darker page a button's outline stands out more. */
  --mb-control-border: #424a52;
  --mb-grid: #4c5560;
  --mb-accent: #7cb6f2;
  --mb-error: #ffb4ab;
  color-scheme: dark;
}
:root.mb-no-background { --mb-bg: transparent; --mb-card-bg: transparent; }
html, body { margin: 0; padding: 0; background: var(--mb-bg); }
body {
  color: var(--mb-text);
  font-family: var(--mb-font), "Helvetica Neue", Helvetica, Arial, sans-serif;
  font-size: 14px;
  line-height: 1.4;
}
/* Until iframe-resizer's child is ready the page fills the iframe and scrolls inside it, as
   Metabase's EmbedFrame does; then it flows, and the iframe takes its height. */
html:has(.mb-filling), body:has(> .mb-filling) { height: 100%; }
#embed-frame.mb-filling { position: absolute; inset: 0; overflow: auto; }
#embed-root { padding: 16px; box-sizing: border-box; }
:root.mb-bordered #embed-root { border: 1px solid var(--mb-border); border-radius: 8px; }
.mb-header { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
.mb-title { font-size: 20px; margin: 0; flex: 1; }
.mb-parameters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.mb-parameter { display: flex; flex-direction: column; gap: 4px; font-size: 12px; color: var(--mb-text-muted); font-weight: bold; }
.mb-parameter select, .mb-parameter input, .mb-header button {
  font: inherit; font-weight: normal; font-size: 14px; color: var(--mb-text); background: var(--mb-card-bg);
  border: 1px solid var(--mb-border); border-radius: 6px; padding: 6px 8px; min-height: 34px;
}
.mb-header .mb-download-pdf { border-color: var(--mb-control-border); background: transparent; color: var(--mb-text-muted); }
.mb-header .mb-download-pdf:hover { color: var(--mb-text); border-color: var(--mb-border); }
.mb-parameters .mb-apply { align-self: flex-end; font: inherit; font-size: 14px; font-weight: bold; color: #ffffff;
  background: var(--mb-accent); border: 1px solid var(--mb-accent); border-radius: 6px; padding: 6px 12px; min-height: 34px; }
.mb-parameters .mb-apply[hidden] { display: none; }
.mb-tabs { display: flex; gap: 4px; margin: 0 0 12px; border-bottom: 1px solid var(--mb-border); }
.mb-tab { font: inherit; font-weight: bold; color: var(--mb-text-muted); background: none; border: none;
  border-bottom: 3px solid transparent; padding: 8px 12px; cursor: pointer; }
.mb-tab[aria-selected="true"] { color: var(--mb-accent); border-bottom-color: var(--mb-accent); }
.mb-range { display: flex; align-items: center; gap: 4px; }
.mb-grid { display: grid; grid-template-columns: repeat(24, minmax(0, 1fr)); grid-auto-rows: minmax(var(--mb-row-height), auto); gap: 12px; }
.mb-card {
  display: flex; flex-direction: column; min-width: 0; box-sizing: border-box; padding: 12px;
  background: var(--mb-card-bg); border: 1px solid var(--mb-border); border-radius: 8px;
}
.mb-single .mb-card { border: none; padding: 0; background: transparent; }
.mb-card-head { display: flex; align-items: baseline; gap: 8px; }
.mb-card-title { font-size: 14px; margin: 0 0 8px; flex: 1; }
.mb-download { font-size: 12px; color: var(--mb-text-muted); margin-left: auto; }
.mb-card-body { flex: 1; display: flex; flex-direction: column; justify-content: center; min-height: 0; }
.mb-card-table .mb-card-body { justify-content: flex-start; }
.mb-clickable .mb-card-body { cursor: pointer; }
.mb-scalar { font-size: 32px; font-weight: bold; margin: 0; text-align: center; }
/* The chart box fills the card's body; the chart is drawn at the box's pixel size (chart-box.ts). */
.mb-chart-box { position: relative; flex: 1; min-height: 160px; }
.mb-single .mb-chart-box { flex: none; aspect-ratio: 2 / 1; }
.mb-chart { position: absolute; inset: 0; display: block; overflow: visible; }
.mb-chart .mb-grid { stroke: var(--mb-grid); stroke-width: 1; }
.mb-chart .mb-axis-label { fill: var(--mb-text-muted); font-size: 12px; }
.mb-chart .mb-bar { fill: var(--mb-accent); }
.mb-chart .mb-line { stroke: var(--mb-secondary); stroke-width: 2; }
.mb-chart .mb-dot { fill: var(--mb-secondary); }
.mb-table-wrap { overflow-x: auto; }
.mb-table { width: 100%; border-collapse: collapse; }
.mb-table th, .mb-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mb-border); }
.mb-table th { color: var(--mb-text-muted); font-size: 12px; }
.mb-table .mb-num { text-align: right; font-variant-numeric: tabular-nums; }
.mb-error { color: var(--mb-error); padding: 12px 0; }
.mb-error-message { margin: 0; font-weight: bold; }
.mb-loading, .mb-empty { color: var(--mb-text-muted); margin: 0; text-align: center; }
/* Open source's "Powered by Metabase" banner: small, at the foot, in the theme's muted text
   (no background of its own, so it sits on light, night and transparent pages alike). */
.mb-footer { display: flex; justify-content: flex-start; padding: 8px 16px; font-size: 12px; line-height: 16px; }
.mb-powered-by { color: var(--mb-text-muted); text-decoration: none; }
.mb-powered-by:hover, .mb-powered-by:focus-visible { color: var(--mb-text); text-decoration: underline; }
.mb-brand { color: var(--mb-accent); }
/* #fullscreen: the dashboard fills the frame's viewport (above the banner, if any) and its
   grid shares the height left. */
:root.mb-fullscreen, :root.mb-fullscreen body, :root.mb-fullscreen #embed-frame { height: 100%; overflow: hidden; }
:root.mb-fullscreen #embed-frame { display: flex; flex-direction: column; }
:root.mb-fullscreen #embed-root { flex: 1; min-height: 0; display: flex; flex-direction: column; }
:root.mb-fullscreen .mb-grid { flex: 1; min-height: 0; grid-auto-rows: minmax(0, 1fr); }
@media (max-width: 640px) {
  .mb-grid { grid-template-columns: minmax(0, 1fr); }
  .mb-grid > .mb-card { grid-column: auto !important; grid-row: auto !important; }
  .mb-grid .mb-chart-box { flex: none; aspect-ratio: 2 / 1; }
}
@media print { .mb-download, .mb-download-pdf, .mb-parameters { display: none; } }
`;
