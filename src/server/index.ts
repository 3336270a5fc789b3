// `metabase-embed/server`: signing helpers and the element's token endpoint. The core uses
// only web-standard APIs (fetch's Request/Response, Web Crypto), so it runs on Node 20+,
// Deno, Bun, Cloudflare Workers and Next.js route handlers; `toNodeHandler` adapts it to
// node:http and Express without importing Node modules.
export {EmbedValidationError} from './validation-error.js';
export type {EmbedResource, EmbedResourceId, EmbedResourceType} from './token-resource.js';
export type {EmbedParams, EmbedParamValue, EmbedScalar} from './token-params.js';
export {signEmbedToken, signEmbedUrl} from './sign.js';
export type {EmbedClaims, SignEmbedTokenOptions, SignEmbedUrlOptions} from './sign.js';
export {createEmbedHandler} from './handler.js';
export {INTERNAL_ERROR_MESSAGE} from './responses.js';
export type {EmbedErrorInfo, EmbedErrorStage, EmbedHandler, EmbedHandlerOptions} from './handler.js';
export {toHtmlAttributes} from './first-token.js';
export type {EmbedAttributes, PageEmbed} from './first-token.js';
export type {MetabaseCheckOptions} from './metabase-check.js';
export type {EmbedRequestDetails, EmbedResourcePolicy, EmbedResources, LockedResolver} from './policy.js';
export {toNodeHandler} from './node.js';
export type {NodeNext, NodeRequestLike, NodeResponseLike} from './node.js';
