// The script-tag bundle: registers <metabase-embed> and exposes the public API on window.MetabaseEmbed.
export * from './index.js';
