export * from './define.js';
export {MetabaseEmbedElement} from './metabase-embed.js';
