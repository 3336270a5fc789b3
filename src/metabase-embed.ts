// The <metabase-embed> element: attributes in, a sized and self-renewing iframe out. This
// module registers nothing (see define.ts); the protocol lives in embed/, the moving parts in
// controllers/.
import {ReactiveElement, type PropertyDeclarations, type PropertyValues} from '@lit/reactive-element';
import {devMode} from './dev-mode.js';
import {AttributeWatchController} from './controllers/attribute-watch-controller.js';
import {FramesController} from './controllers/frames-controller.js';
import {LazyController} from './controllers/lazy-controller.js';
import {TokenController} from './controllers/token-controller.js';
import {
  attributeName,
  type AttributeProperties,
  attributeRows,
  AttributeWarnings,
  changed,
  jsonConverter,
  litDeclarations,
  parseJsonAttribute,
  type PropertyName,
  readRuled,
  ruleWarning,
} from './embed/attributes.js';
import type {EmbedState, FrameParams, MetabaseEmbedErrorDetail, MetabaseEmbedEventMap} from './embed/embed-types.js';
import {paramsFromSearch, tabFromSearch} from './embed/frame-messages.js';
import {appearanceHash, planFrame} from './embed/frame-url.js';
import {readPageToken} from './embed/token-policy.js';
import {
  type Configuration,
  describeResource,
  paramAttributePrefix,
  readConfiguration,
  resourceFromAttributes,
  resourceKind,
} from './embed/token-request.js';
import {metabaseEmbedStyles} from './metabase-embed.styles.js';
import {createEmbedView, type EmbedView} from './metabase-embed.view.js';
import {preconnect} from './preconnect.js';

export type {MetabaseEmbedEventMap};

/** What was given to each ruled property, valid or not: what the warnings quote. */
const given = new WeakMap<MetabaseEmbedElement, Partial<Record<PropertyName, unknown>>>();
const givenTo = (element: MetabaseEmbedElement) => given.get(element) ?? given.set(element, {}).get(element)!;

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
// Its declared properties are typed by the interface below, from the attribute table.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MetabaseEmbedElement extends ReactiveElement {
  // Getters, not static fields: with this tsconfig a static field is assigned after the class,
  // and for the CDN's Safari 15.4 target esbuild would then compile every #private member of
  // the class into WeakMap lookups.
  static override get styles() {
    return metabaseEmbedStyles;
  }

  // A static map from the attribute table, not @property decorators: the same declarations,
  // without the decorator helper and its calls in the bundle.
  static override get properties(): PropertyDeclarations {
    return litDeclarations();
  }

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
  readonly #internals = this.attachInternals?.();

  /** Warnings about attribute values: the development build's (dev-mode.ts), none in production. */
  readonly #warnings = devMode
    ? new AttributeWarnings((message) => console.warn(`<metabase-embed>: ${message}`))
    : undefined;
  /** A configuration error on show (request failures are the token controller's). */
  #configurationError: MetabaseEmbedErrorDetail | null = null;
  #visitorParams: FrameParams = {};
  /** The dashboard tab the visitor opened inside the embed (Metabase's `?tab=`). */
  #visitorTab: string | null = null;
  #reloadRequested = false;
  #reconcileScheduled = false;
  /** The `token` attribute last looked at: each value is weighed once. */
  #pageTokenSeen: string | undefined;
  /** Attribute and property changes so far: a problem is reported once they stop (#problem). */
  #changes = 0;
  /** A configuration problem found, not yet reported, and the changes seen when it was found. */
  #problemSeen: {message: string; changes: number} | undefined;
  /** Made with the shadow root (createRenderRoot), before the first update. */
  #view!: EmbedView;

  constructor() {
    super();
    // `param-<slug>` and `title` are not declared attributes: watch them.
    new AttributeWatchController(
      this,
      (name) => name === 'title' || name.startsWith(paramAttributePrefix),
      (names) => {
        this.#changes++;
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
    if (changed.size > 0) this.#changes++;
    // Warnings come from the rules, and each names its attribute first.
    if (devMode) for (const name of changed.keys()) this.#warnings!.forget(attributeName(name as string));
    // Another resource, or new initial values, start from the values the host chose.
    if (changed.has('dashboard') || changed.has('question') || changed.has('initialParams')) this.#visitorParams = {};
    if (changed.has('dashboard') || changed.has('question') || changed.has('tab')) this.#visitorTab = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#setBusy(this.state === 'loading');
    if (changed.has('resize')) this.#view.fixHeight(this.resize === 'none');
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

  // Through ElementInternals, not an attribute: the element writes nothing on its host, which a
  // framework hydrating server-rendered HTML would see as a mismatch. The attribute only where
  // ElementInternals has no ARIA (Safari before 16.4).
  #setBusy(busy: boolean): void {
    const internals = this.#internals;
    if (internals && 'ariaBusy' in internals) {
      internals.ariaBusy = busy ? 'true' : null;
    } else if (busy) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
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
    const values = givenTo(this);
    if (devMode)
      for (const [name, {rule, required}] of attributeRows) {
        const warning = rule && !required && ruleWarning(attributeName(name), rule, values[name]);
        if (warning) this.#warnings!.warn(warning);
      }
    const read = readConfiguration(this, values.params, document.baseURI);
    if ('problem' in read) return this.#problem(read.problem);
    this.#problemSeen = undefined;
    this.#configurationError = null;
    this.#takePageToken(read.configuration);
    if (this.loading === 'lazy' && !this.#lazy.near) this.#lazy.watch();
    else if (this.#tokens.ensure(read.configuration, this.timeout * 1000, reload)) this.#showFrame();
    // Metabase's origin is known before the answer: connect to it while the token is fetched.
    if (read.configuration.siteUrl !== undefined && this.#tokens.requesting) preconnect(read.configuration.siteUrl);
    this.requestUpdate();
  }

  /** A new `token` attribute: held in place of a request when it matches, else (development build) a warning. */
  #takePageToken(configuration: Configuration): void {
    const offered = this.token || undefined;
    if (offered === this.#pageTokenSeen) return;
    this.#pageTokenSeen = offered;
    if (offered === undefined) return;
    const page = readPageToken(offered, configuration, Date.now());
    if ('problem' in page) return this.#warnings?.warn(page.problem);
    const token = this.#tokens.adopt(configuration.key, page.target, page.life);
    this.#emit('metabase-embed-token', {expiresAt: token.life.expiresAt, reason: token.reason});
  }

  /** Shows the token held, with the appearance and filter values of now. */
  #showFrame(): void {
    const token = this.#tokens.token;
    // A reconcile on its way decides with the latest configuration.
    if (!token || this.#error || this.#reconcileScheduled) return;
    const {hash, warnings} = appearanceHash(givenTo(this), resourceKind(token.target.claims.resource));
    if (devMode) for (const warning of warnings) this.#warnings!.warn(warning.message);
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

  /**
   * A configuration problem: nothing is requested, and it is reported (#fail) once it has
   * outlived the tasks queued before it was found, with no attribute or property change. A
   * framework may fill the element in from such a task (React's effects); what is still wrong
   * after them is the page's. Two tasks of the element's own, one after the other: WebKit does
   * not deliver messages of different channels in the order they were posted. Once an error
   * shows, a new one shows at once.
   */
  #problem(message: string): void {
    this.#tokens.cancel();
    const seen = this.#problemSeen;
    if (this.#configurationError || (seen?.message === message && seen.changes === this.#changes))
      return this.#fail(message);
    this.#problemSeen = {message, changes: this.#changes};
    afterTask(() => afterTask(() => this.#scheduleReconcile()));
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

/**
 * Runs `task` in a task of its own, after those already queued (a message, not a timer: a
 * page's fake clock does not hold it back).
 */
function afterTask(task: () => void): void {
  const {port1, port2} = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    task();
  };
  port2.postMessage(null);
}

// The declared properties, typed from the attribute table (with their JSDoc).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface MetabaseEmbedElement extends AttributeProperties {}

// Ruled properties read through their rule: an invalid value reads back as the default, and
// the value given is kept for the warning. Lit declares them with `noAccessor`, so these are
// their accessors; a change is compared as given (text that reads as the default still counts).
// Text given to a JSON property (`params`) is read as its attribute's would be: React 19 sets
// a prop as a property when the element has one, so `params={JSON.stringify(…)}`, written as
// an attribute by its server renderer, arrives here as text on the next render.
for (const [name, row] of attributeRows) {
  const {rule} = row;
  if (rule)
    Object.defineProperty(MetabaseEmbedElement.prototype, name, {
      get(this: MetabaseEmbedElement) {
        return readRuled(rule, givenTo(this)[name]);
      },
      set(this: MetabaseEmbedElement, given: unknown) {
        const value = row.converter === jsonConverter && typeof given === 'string' ? parseJsonAttribute(given) : given;
        const values = givenTo(this);
        if (!changed(row, value, values[name])) return;
        const old = this[name];
        values[name] = value;
        this.requestUpdate(name, old, {hasChanged: () => true});
      },
      configurable: true,
      enumerable: true,
    });
}
