// Whether this is the development build. The sources say yes, so tests and tools that run
// them see everything; the production build (the package's default entries and the CDN
// bundles) is made with this module replaced by `devMode = false` (scripts/dev-mode-build.ts),
// and rollup then drops every branch that only a developer reads: the console warnings about
// attribute values. Bundlers pick the development build through the `development` export
// condition (Vite's dev server, webpack in development mode, `node --conditions=development`);
// from a CDN it is `metabase-embed.dev.js` / `metabase-embed.dev.iife.js`.
export const devMode: boolean = true;
