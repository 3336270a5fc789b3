// The package root: registers <metabase-embed> and exports the public API and its types.
export {defineMetabaseEmbed, tagName, type MetabaseEmbedJsxProps} from './define.js';
export {MetabaseEmbedElement} from './metabase-embed.js';
export type {
  EmbedAnswer,
  EmbedErrorReason,
  EmbedLocation,
  EmbedParamValue,
  EmbedParams,
  EmbedState,
  FetchToken,
  FetchTokenRequest,
  FrameParams,
  MetabaseEmbedErrorDetail,
  MetabaseEmbedEventMap,
  MetabaseEmbedLoadDetail,
  MetabaseEmbedLocationDetail,
  MetabaseEmbedResizeDetail,
  MetabaseEmbedTokenDetail,
  Resource,
  ResourceId,
  ResourceKind,
  TokenReason,
  TokenRequestBody,
} from './embed/embed-types.js';
