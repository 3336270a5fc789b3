// The <metabase-embed> element: attributes in, a sized and self-renewing iframe out. This
// module registers nothing (see define.ts); the protocol lives in embed/, the moving parts in
// controllers/.
import {LitElement, html, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {AttributeWatchController} from './controllers/attribute-watch-controller.js';
import {FramesController} from './controllers/frames-controller.js';
import {LazyController} from './controllers/lazy-controller.js';
import {TokenController, type AcceptedToken} from './controllers/token-controller.js';
import {appearanceHash} from './embed/appearance.js';
import {booleanConverter, jsonConverter, numberConverter, readChoice, readPixels} from './embed/attribute-values.js';
import {readConfiguration, readTimeoutMs} from './embed/configuration.js';
import {buildEmbedUrl} from './embed/embed-url.js';
import {canonicalJson, jsonChanged, paramAttributePrefix, paramsFromSearch, validateParams} from './embed/params.js';
import {describeResource, resourceFromAttributes, resourceKind} from './embed/resource.js';
import type {
  EmbedLocation,
  EmbedParams,
  EmbedState,
  FetchToken,
  FrameParams,
  MetabaseEmbedErrorDetail,
  MetabaseEmbedEventMap,
} from './embed/types.js';
import {AttributeWarnings} from './embed/warnings.js';
import {metabaseEmbedStyles} from './metabase-embed.styles.js';

export type {MetabaseEmbedEventMap};

/**
 * A Metabase signed ("static") embed that asks your backend for a signed URL, shows it in an
 * iframe sized to its content, asks for a new token when filters change and before the old
 * one expires, and reports everything through events.
 *
 * @summary Shows a Metabase dashboard or question from a signed embed URL your server makes.
 * @tagname metabase-embed
 *
 * @attr title - The iframe's accessible name; default "Metabase dashboard 12" (or question).
 * @attr param-<slug> - One filter value for the token, e.g. `param-category="Gizmo"`; a JSON array for several values. Wins over `params` on the same slug.
 *
 * @fires {CustomEvent<MetabaseEmbedTokenDetail>} metabase-embed-token - A new token was accepted: `{expiresAt, reason}` (`initial`, `params`, `renew` or `reload`).
 * @fires {CustomEvent<MetabaseEmbedLoadDetail>} metabase-embed-load - An embed URL finished loading and is on screen: `{url}`.
 * @fires {CustomEvent<MetabaseEmbedResizeDetail>} metabase-embed-resize - The iframe's height changed: `{height}` in CSS pixels.
 * @fires {CustomEvent<MetabaseEmbedLocationDetail>} metabase-embed-location - The visitor changed an editable filter inside the embed: `{params, location}`.
 * @fires {CustomEvent<MetabaseEmbedErrorDetail>} metabase-embed-error - A configuration error or a failed token request: `{reason, message, status?, willRetry}`.
 *
 * @slot loading - Shown until the first embed URL has loaded (default: a pulsing skeleton).
 * @slot error - Shown instead of the embed after an error (default: the message and a Retry button).
 *
 * @csspart iframe - The iframe showing the embed.
 * @csspart loading - The box around the `loading` slot.
 * @csspart error - The box around the `error` slot.
 * @csspart retry-button - The default error message's Retry button.
 *
 * @cssprop [--metabase-embed-height=600px] - The placeholder's height, the iframe's height until the content reports its own, and the element's height with `resize="none"`.
 * @cssprop [--metabase-embed-skeleton-color=#eef1f5] - The loading skeleton's color.
 */
export class MetabaseEmbedElement extends LitElement {
  static override styles = metabaseEmbedStyles;

  /** Dashboard to show: a positive integer id or a 21-character entity id. */
  @property() dashboard?: string | number;

  /** Question (saved card) to show: a positive integer id or a 21-character entity id. */
  @property() question?: string | number;

  /** Your signing endpoint; the element POSTs `{resource, params}` as JSON to it. */
  @property() endpoint?: string;

  /** Credentials sent to the endpoint: `same-origin`, or `include` for a backend on another origin. */
  @property() credentials: 'same-origin' | 'include' = 'same-origin';

  /** Metabase's address, for `{jwt}` answers; when set, embed URLs must be on this origin. */
  @property({attribute: 'site-url'}) siteUrl?: string;

  /** Replaces the endpoint: `({resource, params, signal}) => Promise<answer>`. */
  @property({attribute: false}) fetchToken?: FetchToken;

  // Compared by content: a framework that passes a new but equal object on every render
  // (React's `params={{…}}`) changes nothing.
  /** Filter values signed into the token: JSON object of slug → string | number | boolean | array. */
  @property({converter: jsonConverter, hasChanged: jsonChanged}) params?: EmbedParams;

  /** Initial values of editable filters (JSON); they go in the URL, not the token. */
  @property({attribute: 'initial-params', converter: jsonConverter, hasChanged: jsonChanged})
  initialParams?: EmbedParams;

  /** Draw a border: `true` or `false`; absent: Metabase's default. */
  @property({converter: booleanConverter}) bordered?: boolean;

  /** Show the title: `"false"` turns it off; absent: Metabase's default. */
  @property({converter: booleanConverter}) titled?: boolean;

  /** Colour theme: `light`, `night` or `transparent`. */
  @property() theme?: 'light' | 'night' | 'transparent';

  /** Dashboard background: `true` or `false` (newer Metabase versions). */
  @property({converter: booleanConverter}) background?: boolean;

  /** Font name (Metabase paid plans). */
  @property() font?: string;

  /** Comma-separated filter slugs whose widgets are hidden (their values still apply). */
  @property({attribute: 'hide-parameters'}) hideParameters?: string;

  /** Download buttons: `true`, `false`, `pdf`, `results` or `pdf,results` (paid plans). */
  @property() downloads?: string | boolean;

  /** Language of the embed, e.g. `de` or `pt-BR` (paid plans). */
  @property() locale?: string;

  /** Auto-refresh period in seconds (dashboards only). */
  @property({converter: numberConverter}) refresh?: number;

  /** Lowest iframe height in CSS pixels. */
  @property({attribute: 'min-height', converter: numberConverter}) minHeight?: number;

  /** Highest iframe height in CSS pixels; taller content scrolls inside the iframe. */
  @property({attribute: 'max-height', converter: numberConverter}) maxHeight?: number;

  /** `auto` (default): the height follows the content; `none`: the element's CSS height. */
  @property({reflect: true}) resize?: 'auto' | 'none';

  /** `lazy`: ask for no token until the element is within 200 px of the viewport. */
  @property() loading?: 'eager' | 'lazy';

  /** Seconds to wait for the endpoint before a try counts as failed (default 15, at most 2147483). */
  @property({converter: numberConverter}) timeout?: number;

  private readonly tokens = new TokenController(this, {
    reconsider: () => this.scheduleReconcile(),
    onToken: (token) => this.acceptToken(token),
    onError: (detail) => this.reportError(detail),
  });

  private readonly frames = new FramesController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.frames'),
    title: () => this.frameTitle(),
    resizeMode: () => this.resizeMode(),
    limits: () => this.heightLimits(),
    onLoad: (url) => this.emit('metabase-embed-load', {url}),
    onResize: (height) => this.emit('metabase-embed-resize', {height}),
    onLocation: (location) => this.acceptLocation(location),
  });

  private readonly lazy = new LazyController(this, () => this.scheduleReconcile());

  private readonly warnings = new AttributeWarnings((message) => console.warn(`<metabase-embed>: ${message}`));
  private readonly warn = this.warnings.warn;
  /** The error on show (configuration, or a request's last failure), if any. */
  private failure: MetabaseEmbedErrorDetail | null = null;
  private visitorParams: FrameParams = {};
  /** Which token (by serial) and which URL parts (hash and the rest) the frames show; undefined: none. */
  private shown?: {serial: number; hash: string; rest: string};
  private reloadRequested = false;
  private reconcileScheduled = false;

  constructor() {
    super();
    // `param-<slug>` and `title` are not declared attributes: watch them.
    new AttributeWatchController(
      this,
      (name) => name === 'title' || name.startsWith(paramAttributePrefix),
      (names) => {
        if (names.has('title')) this.frames.setTitle(this.frameTitle());
        this.scheduleReconcile();
      },
    );
  }

  /** `idle`, `loading` (aria-busy), `ready` or `error`. A background renewal keeps `ready`. */
  get state(): EmbedState {
    if (this.failure) return 'error';
    if (this.tokens.busy || this.frames.loading || (!this.frames.showing && this.tokens.requesting)) return 'loading';
    return this.frames.showing ? 'ready' : 'idle';
  }

  /** When the current token expires: epoch ms on the browser's clock (as `Date.now()`), or null. */
  get expiresAt(): number | null {
    return this.tokens.token?.life.expiresAt ?? null;
  }

  /** Editable filter values the visitor chose inside the embed (from its `location.search`). */
  get frameParams(): FrameParams {
    return structuredClone(this.visitorParams);
  }

  /** Fetches a fresh token and reloads the embed (also what the default Retry button does). */
  reload(): void {
    this.reloadRequested = true;
    this.failure = null;
    this.scheduleReconcile();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleReconcile(); // resume: a new token only if the old one is due
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // controllers abort requests, stop timers, drop iframes
    this.shown = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const name of changed.keys()) this.warnings.forget(this.attributeOf(name));
    // Another resource, or new initial values, start from the values the host chose.
    if (changed.has('dashboard') || changed.has('question') || changed.has('initialParams')) this.visitorParams = {};
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    if (changed.has('minHeight') || changed.has('maxHeight')) this.frames.applyLimits();
    if (changed.size > 0) this.scheduleReconcile();
  }

  protected override render() {
    const failed = this.failure !== null;
    return html`
      <div class="frames"></div>
      <div class="placeholder" part="loading" ?hidden=${failed || this.frames.showing}>
        <slot name="loading"><div class="skeleton"></div></slot>
      </div>
      <div class="error placeholder" part="error" role="alert" ?hidden=${!failed}>
        <slot name="error">
          <p>${this.failure?.message}</p>
          <button part="retry-button" type="button" @click=${() => this.reload()}>Retry</button>
        </slot>
      </div>
    `;
  }

  // Every change funnels here, once per batch, after Lit's update: it reads the live
  // attributes, so a burst of changes in one task makes one request with the final values.
  private scheduleReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    void this.updateComplete.then(() => {
      this.reconcileScheduled = false;
      this.reconcile();
    });
  }

  private reconcile(): void {
    if (!this.isConnected) return;
    const read = readConfiguration(
      {
        dashboard: this.dashboard == null ? null : String(this.dashboard),
        question: this.question == null ? null : String(this.question),
        endpoint: this.endpoint,
        fetchToken: this.fetchToken,
        credentials: this.credentials,
        siteUrl: this.siteUrl,
        params: this.params,
        attributes: this.attributes,
        baseUrl: document.baseURI,
      },
      this.warn,
    );
    if ('problem' in read) {
      this.reloadRequested = false; // the first token after a fix is 'initial' or 'params'
      return this.fail({reason: 'configuration', message: read.problem, willRetry: false});
    }
    const {configuration} = read;
    const {hash, warnings} = appearanceHash(this, resourceKind(configuration.body.resource));
    for (const warning of warnings) this.warn(warning.message);
    const timeoutMs = readTimeoutMs(this.timeout, this.warn);
    this.heightLimits(); // warns now about a bad min/max-height, not at the first resize
    if (readChoice(this.loading, 'loading', ['eager', 'lazy'], 'eager', this.warn) === 'lazy' && !this.lazy.near) {
      this.failure = null;
      this.reloadRequested = false;
      this.lazy.watch();
      return this.requestUpdate();
    }
    const status = this.tokens.ensure(configuration, timeoutMs, this.reloadRequested);
    this.reloadRequested = false;
    if (status !== 'failed') this.failure = null;
    if (status === 'valid' && this.tokens.token) this.showToken(this.tokens.token, hash);
    this.requestUpdate();
  }

  private showToken(token: AcceptedToken, hash: string): void {
    const {url, rest} = this.embedUrl(token, hash);
    // Every accepted token is shown, even one identical to the last (signed in the same second).
    const {serial} = this.tokens;
    if (this.shown?.serial === serial && this.shown.rest === rest) return;
    // Only a renewal with nothing else changed is quiet (no loading state).
    const quiet = token.reason === 'renew' && this.shown?.rest === rest;
    if (this.frames.show(url, token.target.origin, quiet)) this.shown = {serial, hash, rest};
  }

  private embedUrl(token: AcceptedToken, hash: string): {url: string; rest: string} {
    const initial = validateParams(this.initialParams, 'initial-params');
    if ('problem' in initial) this.warn(`${initial.problem} It is ignored.`);
    const initialParams = 'params' in initial ? initial.params : {};
    const url = buildEmbedUrl({
      baseUrl: token.target.baseUrl,
      // The visitor's choices win, so a renewal never resets what they picked.
      query: {...initialParams, ...this.visitorParams},
      tokenSlugs: Object.keys(token.target.claims.params),
      hash,
    });
    return {url, rest: [hash, canonicalJson(initialParams), this.resizeMode()].join('|')};
  }

  private acceptToken(token: AcceptedToken): void {
    this.emit('metabase-embed-token', {expiresAt: token.life.expiresAt, reason: token.reason});
    this.reconcile();
  }

  private acceptLocation(location: EmbedLocation): void {
    this.visitorParams = paramsFromSearch(location.search);
    this.emit('metabase-embed-location', {params: this.frameParams, location});
    // A frame still loading out of sight (a renewal) was built with the old choices: build
    // it again, or the swap would undo what the visitor just picked.
    const token = this.tokens.token;
    if (token && this.shown && this.frames.pendingUrl !== undefined) {
      const {url} = this.embedUrl(token, this.shown.hash);
      if (url !== this.frames.pendingUrl) this.frames.replacePending(url, token.target.origin);
    }
  }

  private reportError(detail: MetabaseEmbedErrorDetail): void {
    if (!detail.willRetry) this.showFailure(detail);
    this.emit('metabase-embed-error', detail);
    this.requestUpdate();
  }

  /** A configuration error: reported once per distinct message, and nothing is requested. */
  private fail(detail: MetabaseEmbedErrorDetail): void {
    this.tokens.cancel();
    if (this.failure?.message === detail.message) return;
    this.showFailure(detail);
    console.error(`<metabase-embed>: ${detail.message}`);
    this.emit('metabase-embed-error', detail);
    this.requestUpdate();
  }

  private showFailure(detail: MetabaseEmbedErrorDetail): void {
    this.failure = detail;
    this.frames.clear();
    this.shown = undefined;
  }

  private frameTitle(): string {
    const title = this.getAttribute('title');
    if (title) return title;
    const resource = resourceFromAttributes(this.dashboard?.toString(), this.question?.toString());
    return 'resource' in resource ? describeResource(resource.resource) : 'Metabase embed';
  }

  private heightLimits(): {min?: number; max?: number} {
    return {
      min: readPixels(this.minHeight, 'min-height', this.warn),
      max: readPixels(this.maxHeight, 'max-height', this.warn),
    };
  }

  private resizeMode(): 'auto' | 'none' {
    return readChoice(this.resize, 'resize', ['auto', 'none'], 'auto', this.warn);
  }

  private emit<K extends keyof MetabaseEmbedEventMap>(type: K, detail: MetabaseEmbedEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }

  private attributeOf(name: PropertyKey): string {
    const attribute = (this.constructor as typeof MetabaseEmbedElement).elementProperties.get(name)?.attribute;
    return typeof attribute === 'string' ? attribute : String(name).toLowerCase();
  }
}
