// The <metabase-embed> element: attributes in, a sized and self-renewing iframe out. This
// module registers nothing (see define.ts); the protocol lives in embed/, the moving parts in
// controllers/.
import {
  ReactiveElement,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
} from '@lit/reactive-element';
import {AttributeWatchController} from './controllers/attribute-watch-controller.js';
import {FramesController} from './controllers/frames-controller.js';
import {LazyController} from './controllers/lazy-controller.js';
import {TokenController} from './controllers/token-controller.js';
import {appearanceHash} from './embed/appearance.js';
import {paramsRule, readRuled, rules, ruleWarning, type AttributeRule} from './embed/attribute-rules.js';
import {booleanConverter, jsonConverter, numberConverter} from './embed/attribute-values.js';
import {readConfiguration, type Configuration} from './embed/configuration.js';
import {planFrame} from './embed/frame-plan.js';
import {readPageToken} from './embed/page-token.js';
import {jsonChanged, paramAttributePrefix, paramsFromSearch, tabFromSearch} from './embed/params.js';
import {describeResource, resourceFromAttributes, resourceKind} from './embed/resource.js';
import type {
  EmbedParams,
  EmbedState,
  FetchToken,
  FrameParams,
  MetabaseEmbedErrorDetail,
  MetabaseEmbedEventMap,
} from './embed/types.js';
import {AttributeWarnings} from './embed/warnings.js';
import {metabaseEmbedStyles} from './metabase-embed.styles.js';
import {createEmbedView, type EmbedView} from './metabase-embed.view.js';

export type {MetabaseEmbedEventMap};

const ruledProperties: Record<string, AttributeRule> = {...rules, params: paramsRule};

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
 * @fires {CustomEvent<MetabaseEmbedTokenDetail>} metabase-embed-token - A new token was accepted: `{expiresAt, reason}` (`initial`, `params`, `renew`, `reload`, or `page` for the `token` attribute).
 * @fires {CustomEvent<MetabaseEmbedLoadDetail>} metabase-embed-load - An embed URL finished loading and is on screen: `{url}`.
 * @fires {CustomEvent<MetabaseEmbedResizeDetail>} metabase-embed-resize - The iframe's height changed: `{height}` in CSS pixels.
 * @fires {CustomEvent<MetabaseEmbedLocationDetail>} metabase-embed-location - The visitor changed an editable filter or a dashboard tab inside the embed: `{params, tab, location}`.
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
export class MetabaseEmbedElement extends ReactiveElement {
  // Getters, not static fields: with this tsconfig a static field is assigned after the class,
  // and for the CDN's Safari 15.4 target esbuild would then compile every #private member of
  // the class into WeakMap lookups.
  static override get styles() {
    return metabaseEmbedStyles;
  }

  // A static map, not @property decorators: the same Lit declarations (createProperty), without
  // the decorator helper and its calls in the bundle.
  static override get properties(): PropertyDeclarations {
    return {
      dashboard: {},
      question: {},
      endpoint: {},
      credentials: {},
      siteUrl: {attribute: 'site-url'},
      token: {},
      fetchToken: {attribute: false},
      params: {converter: jsonConverter, hasChanged: jsonChanged},
      initialParams: {attribute: 'initial-params', converter: jsonConverter, hasChanged: jsonChanged},
      bordered: {converter: booleanConverter},
      titled: {converter: booleanConverter},
      theme: {},
      background: {converter: booleanConverter},
      font: {},
      hideParameters: {attribute: 'hide-parameters'},
      downloads: {},
      locale: {},
      refresh: {converter: numberConverter},
      minHeight: {attribute: 'min-height', converter: numberConverter},
      maxHeight: {attribute: 'max-height', converter: numberConverter},
      resize: {reflect: true},
      loading: {},
      timeout: {converter: numberConverter},
      tab: {},
    };
  }

  // Validated properties read through their rule (embed/attribute-rules.ts): an invalid value
  // reads back as the default, and the value given is kept for the warning. Lit wraps this
  // accessor as it wraps one written in the class.
  static override createProperty(name: PropertyKey, options?: PropertyDeclaration): void {
    const rule = ruledProperties[name as string];
    if (rule)
      Object.defineProperty(this.prototype, name, {
        get(this: MetabaseEmbedElement) {
          return readRuled(rule, this.#given[name]);
        },
        set(this: MetabaseEmbedElement, value: unknown) {
          const old = this.#given[name];
          this.#given[name] = value;
          // Compared as given: text that reads as the default still counts as a change.
          this.requestUpdate(name, old, undefined, true, value);
        },
        configurable: true,
        enumerable: true,
      });
    super.createProperty(name, options);
  }

  /** Dashboard to show: a positive integer id or a 21-character entity id. */
  dashboard?: string | number | undefined;

  /** Question (saved card) to show: a positive integer id or a 21-character entity id. */
  question?: string | number | undefined;

  /** Your signing endpoint; the element POSTs `{resource, params}` as JSON to it. */
  endpoint?: string | undefined;

  /**
   * Credentials sent to the endpoint: `same-origin`, or `include` for a backend on another origin.
   * @default 'same-origin'
   */
  credentials!: 'same-origin' | 'include';

  /** Metabase's address, for `{jwt}` answers; when set, embed URLs must be on this origin. */
  siteUrl?: string | undefined;

  /**
   * A first token the page's server signed (`embedAttributes` in metabase-embed/server), with
   * `site-url`: shown without a request when it matches the resource and filters; the endpoint renews it.
   */
  token?: string | undefined;

  /** Replaces the endpoint: `({resource, params, signal}) => Promise<answer>`. */
  fetchToken?: FetchToken | undefined;

  // Compared by content: a framework that passes a new but equal object on every render
  // (React's `params={{…}}`) changes nothing.
  /** Filter values signed into the token: JSON object of slug → string | number | boolean | array. */
  params?: EmbedParams | undefined;

  /** Initial values of editable filters (JSON); they go in the URL, not the token. */
  initialParams?: EmbedParams | undefined;

  /** Draw a border: `true` or `false`; absent: Metabase's default. */
  bordered?: boolean | undefined;

  /** Show the title: `"false"` turns it off; absent: Metabase's default. */
  titled?: boolean | undefined;

  /** Colour theme: `light`, `night` or `transparent`. */
  theme?: 'light' | 'night' | 'transparent' | undefined;

  /** Dashboard background: `true` or `false` (newer Metabase versions). */
  background?: boolean | undefined;

  /** Font name (Metabase paid plans). */
  font?: string | undefined;

  /** Comma-separated filter slugs whose widgets are hidden (their values still apply). */
  hideParameters?: string | undefined;

  /** Download buttons: `true`, `false`, `pdf`, `results` or `pdf,results` (paid plans). */
  downloads?: boolean | 'pdf' | 'results' | 'pdf,results' | undefined;

  /** Language of the embed, e.g. `de` or `pt-BR` (paid plans). */
  locale?: string | undefined;

  /** Auto-refresh period in seconds (dashboards only). */
  refresh?: number | undefined;

  /** Lowest iframe height in CSS pixels. */
  minHeight?: number | undefined;

  /** Highest iframe height in CSS pixels; taller content scrolls inside the iframe. */
  maxHeight?: number | undefined;

  /**
   * `auto`: the height follows the content; `none`: the element's CSS height.
   * @default 'auto'
   */
  resize!: 'auto' | 'none';

  /**
   * `lazy`: ask for no token until the element is within 200 px of the viewport.
   * @default 'eager'
   */
  loading!: 'eager' | 'lazy';

  /**
   * Seconds to wait for the endpoint before a try counts as failed (at most 2147483).
   * @default 15
   */
  timeout!: number;

  /**
   * Dashboard tab to open: its id (`32`) or Metabase's `<id>-<name>` (`32-product-details`).
   * The tab the visitor opens inside the embed then wins, across token renewals and filter changes.
   */
  tab?: string | undefined;

  /** What was given to each validated property, valid or not. */
  readonly #given: Record<PropertyKey, unknown> = {};

  readonly #tokens = new TokenController(this, {
    reconsider: () => this.#scheduleReconcile(),
    onToken: (token) => {
      this.#emit('metabase-embed-token', {expiresAt: token.life.expiresAt, reason: token.reason});
      this.#showFrame();
    },
    onError: (detail) => {
      if (!detail.willRetry) this.#frames.clear();
      this.#emit('metabase-embed-error', detail);
      this.requestUpdate();
    },
  });

  readonly #frames = new FramesController(this, {
    onLoad: (url) => this.#emit('metabase-embed-load', {url}),
    onResize: (height) => this.#emit('metabase-embed-resize', {height}),
    onLocation: (location) => {
      this.#visitorParams = paramsFromSearch(location.search);
      this.#visitorTab = tabFromSearch(location.search);
      this.#emit('metabase-embed-location', {params: this.frameParams, tab: this.#visitorTab, location});
      this.#showFrame(); // a frame still loading out of sight takes the visitor's choices along
    },
  });

  readonly #lazy = new LazyController(this, () => this.#scheduleReconcile());

  readonly #warnings = new AttributeWarnings((message) => console.warn(`<metabase-embed>: ${message}`));
  /** A configuration error on show (request failures are the token controller's). */
  #configurationError: MetabaseEmbedErrorDetail | null = null;
  #visitorParams: FrameParams = {};
  /** The dashboard tab the visitor opened inside the embed (Metabase's `?tab=`). */
  #visitorTab: string | null = null;
  #reloadRequested = false;
  #reconcileScheduled = false;
  /** The `token` attribute last looked at: each value is weighed once. */
  #pageTokenSeen: string | undefined;
  /** Made with the shadow root (createRenderRoot), before the first update. */
  #view!: EmbedView;

  constructor() {
    super();
    // `param-<slug>` and `title` are not declared attributes: watch them.
    new AttributeWatchController(
      this,
      (name) => name === 'title' || name.startsWith(paramAttributePrefix),
      (names) => {
        if (names.has('title')) this.#frames.setTitle(this.#frameTitle());
        this.#scheduleReconcile();
      },
    );
  }

  /** `idle`, `loading` (aria-busy), `ready` or `error`. A background renewal keeps `ready`. */
  get state(): EmbedState {
    if (this.#error) return 'error';
    if (this.#tokens.busy || this.#frames.loading || (!this.#frames.showing && this.#tokens.requesting))
      return 'loading';
    return this.#frames.showing ? 'ready' : 'idle';
  }

  /** When the current token expires: epoch ms on the browser's clock (as `Date.now()`), or null. */
  get expiresAt(): number | null {
    return this.#tokens.token?.life.expiresAt ?? null;
  }

  /** Editable filter values the visitor chose inside the embed (from its `location.search`). */
  get frameParams(): FrameParams {
    return structuredClone(this.#visitorParams);
  }

  /** Fetches a fresh token and reloads the embed (also what the default Retry button does). */
  reload(): void {
    this.#reloadRequested = true;
    this.#scheduleReconcile();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#scheduleReconcile(); // resume: a new token only if the old one is due
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Warnings come from the rules, and each names its rule's attribute.
    for (const name of changed.keys()) {
      const rule = ruledProperties[name as string];
      if (rule) this.#warnings.forget(rule.attribute);
    }
    if (changed.has('token')) this.#warnings.forget('token');
    // Another resource, or new initial values, start from the values the host chose.
    if (changed.has('dashboard') || changed.has('question') || changed.has('initialParams')) this.#visitorParams = {};
    if (changed.has('dashboard') || changed.has('question') || changed.has('tab')) this.#visitorTab = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.state === 'loading') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    if (changed.has('resize') || changed.has('minHeight') || changed.has('maxHeight')) {
      this.#frames.setSizing({resize: this.resize, min: this.minHeight, max: this.maxHeight});
    }
    if (changed.has('dashboard') || changed.has('question')) this.#frames.setTitle(this.#frameTitle());
    if (changed.size > 0) this.#scheduleReconcile();
  }

  // Lit's ReactiveElement, not LitElement: the shadow DOM is static (metabase-embed.view.ts),
  // so it is written with the root, which Lit makes once, at the first connection.
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.#view = createEmbedView(root, () => this.reload());
    this.#frames.container = this.#view.frames;
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    this.#view.show(this.#error?.message, this.#frames.showing);
  }

  get #error(): MetabaseEmbedErrorDetail | null {
    return this.#configurationError ?? this.#tokens.failure;
  }

  // Every change funnels here, once per batch, after Lit's update: it reads the live
  // attributes, so a burst of changes in one task makes one request with the final values.
  #scheduleReconcile(): void {
    if (this.#reconcileScheduled) return;
    this.#reconcileScheduled = true;
    void this.updateComplete.then(() => {
      this.#reconcileScheduled = false;
      this.#reconcile();
    });
  }

  #reconcile(): void {
    if (!this.isConnected) return;
    const reload = this.#reloadRequested;
    this.#reloadRequested = false; // the first token after a fix is 'initial' or 'params'
    for (const [name, rule] of Object.entries(rules)) {
      const warning = ruleWarning(rule, this.#given[name]);
      if (warning) this.#warnings.warn(warning);
    }
    const read = readConfiguration(this, this.#given['params'], document.baseURI);
    if ('problem' in read) return this.#fail(read.problem);
    this.#configurationError = null;
    this.#takePageToken(read.configuration);
    if (this.loading === 'lazy' && !this.#lazy.near) this.#lazy.watch();
    else if (this.#tokens.ensure(read.configuration, this.timeout * 1000, reload)) this.#showFrame();
    this.requestUpdate();
  }

  /** A new `token` attribute: held in place of a request when it matches, else a warning. */
  #takePageToken(configuration: Configuration): void {
    const offered = this.token || undefined;
    if (offered === this.#pageTokenSeen) return;
    this.#pageTokenSeen = offered;
    if (offered === undefined) return;
    const page = readPageToken(offered, configuration, Date.now());
    if ('problem' in page) return this.#warnings.warn(page.problem);
    const token = this.#tokens.adopt(configuration.key, page.target, page.life);
    this.#emit('metabase-embed-token', {expiresAt: token.life.expiresAt, reason: token.reason});
  }

  /** Shows the token held, with the appearance and filter values of now. */
  #showFrame(): void {
    const token = this.#tokens.token;
    // A reconcile on its way decides with the latest configuration.
    if (!token || this.#error || this.#reconcileScheduled) return;
    const {hash, warnings} = appearanceHash(this.#given, resourceKind(token.target.claims.resource));
    for (const warning of warnings) this.#warnings.warn(warning.message);
    this.#frames.show(
      planFrame({
        target: token.target,
        renewal: token.reason === 'renew',
        hash,
        initialParams: this.initialParams ?? {},
        visitorParams: this.#visitorParams,
        tab: this.#visitorTab ?? this.tab,
        initialTab: this.tab,
      }),
    );
  }

  /** A configuration error: reported once per distinct message, and nothing is requested. */
  #fail(message: string): void {
    this.#tokens.cancel();
    if (this.#configurationError?.message === message) return;
    this.#configurationError = {reason: 'configuration', message, willRetry: false};
    this.#frames.clear();
    console.error(`<metabase-embed>: ${message}`);
    this.#emit('metabase-embed-error', this.#configurationError);
    this.requestUpdate();
  }

  #frameTitle(): string {
    const resource = resourceFromAttributes(this.dashboard, this.question);
    return (
      this.getAttribute('title') || ('resource' in resource ? describeResource(resource.resource) : 'Metabase embed')
    );
  }

  #emit<K extends keyof MetabaseEmbedEventMap>(type: K, detail: MetabaseEmbedEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }
}
