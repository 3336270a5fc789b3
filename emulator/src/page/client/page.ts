// The embed page: loads the item, shows its title, filter widgets and cards, re-runs the
// queries when a filter changes or the refresh timer fires, and shows Metabase's message
// when the token or the parameters are refused.
import {hasClickBehavior} from '../../content/click-behavior.js';
import {ApiError, loadItem, loadValues, runCardQuery, type CardSlot, type EmbedItem} from './api-client.js';
import {followClick} from './destinations.js';
import {h} from './dom.js';
import {readFilterValues, withFilterValue, type FilterValue} from './filter-values.js';
import {selectedTab, tabForKey, withTab, type Tab} from './tabs.js';
import {createFormatter} from './format.js';
import type {Appearance} from './hash-options.js';
import {visualization, type ResultData} from './visualization.js';
import {filterWidgets} from './widgets.js';
import {translator, type Translate} from './ui-text.js';

type CardState = {status: 'loading'} | {status: 'done'; data: ResultData} | {status: 'failed'; message: string};
type PageState = 'loading' | 'ready' | 'error';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class EmbedPage {
  private item: EmbedItem | null = null;
  /** The filter values the cards show (applied). */
  private values: Record<string, FilterValue> = {};
  /** Changes waiting for Apply (`auto_apply_filters: false`), by slug. */
  private draft = new Map<string, FilterValue>();
  /** The dashboard tab shown; null without tabs. */
  private tab: Tab | null = null;
  private cards = new Map<string, CardState>();
  private queries: AbortController | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly resource: 'dashboard' | 'question',
    private readonly token: string,
    private appearance: Appearance,
  ) {}

  /** Fetches the item (re-checking the token) and runs every query. */
  async load(): Promise<void> {
    this.setState('loading');
    // The HTML shell's placeholder is English: say it in the page's language.
    const placeholder = this.root.querySelector(':scope > .mb-loading');
    if (placeholder) placeholder.textContent = this.t('loading');
    try {
      this.item = await loadItem(this.resource, this.token);
    } catch (error) {
      this.queries?.abort();
      this.item = null;
      this.cards.clear();
      this.showError(messageOf(error));
      return;
    }
    this.readUrl();
    this.render();
    await this.runQueries();
  }

  /** Filter values and the tab from the URL; a missing or unknown tab is written in, as Metabase does. */
  private readUrl(): void {
    const item = this.item!;
    this.values = readFilterValues(window.location.search, item.parameters);
    this.draft.clear();
    this.tab = selectedTab(window.location.search, item.tabs);
    this.replaceSearch(withTab(window.location.search, this.tab, item.tabs.length));
  }

  private replaceSearch(search: string): void {
    if (search === window.location.search) return;
    history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }

  /** New hash options: re-draw from the results already here, and reset the refresh timer. */
  setAppearance(appearance: Appearance): void {
    this.appearance = appearance;
    this.scheduleRefresh();
    if (this.item) this.render();
  }

  /** The query string changed (parent navigation, history): pick up its filter values and tab. */
  async reloadFilters(): Promise<void> {
    if (!this.item) return this.load();
    this.readUrl();
    this.render();
    await this.runQueries();
  }

  /** The cards of the tab shown (every card without tabs): only these are drawn and queried. */
  private get shownCards(): CardSlot[] {
    const {tab} = this;
    return (this.item?.cards ?? []).filter((card) => tab === null || card.tabId === tab.id);
  }

  /** A click on a tab: a new history entry, as Metabase's tab bar makes. */
  private selectTab(tab: Tab): void {
    const item = this.item;
    if (!item || tab.id === this.tab?.id) return;
    this.tab = tab;
    const search = withTab(window.location.search, tab, item.tabs.length);
    history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    this.render();
    void this.runQueries();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    const seconds = this.resource === 'dashboard' ? this.appearance.refresh : null; // Metabase: dashboards only
    if (seconds) this.refreshTimer = setInterval(() => void this.refresh(), seconds * 1000);
  }

  /**
   * `#refresh=N`: like Metabase, only the card queries run again, with the same token (an
   * expired one then shows its message in every card); the widgets stay as the visitor left
   * them. A page that never loaded tries its first load again.
   */
  private refresh(): Promise<void> {
    return this.item ? this.runQueries() : this.load();
  }

  /** The page's words in the embed's locale. */
  private get t(): Translate {
    return translator(this.appearance.locale);
  }

  private setState(state: PageState): void {
    document.documentElement.dataset.state = state;
    this.root.setAttribute('aria-busy', String(state === 'loading'));
  }

  private showError(message: string): void {
    this.root.replaceChildren(
      h('div', {class: 'mb-error', role: 'alert'}, h('p', {class: 'mb-error-message'}, message)),
    );
    this.setState('error');
  }

  private async runQueries(): Promise<void> {
    const item = this.item;
    if (!item) return;
    this.queries?.abort();
    const queries = (this.queries = new AbortController());
    const current = () => queries === this.queries; // a newer run owns the cards otherwise
    const values = {...this.values};
    this.setState('loading');
    await Promise.all(
      this.shownCards.map(async (card) => {
        // Results stay on screen while they are re-run (filter change, refresh), as in Metabase.
        if (!this.cards.has(card.key)) this.setCard(card, {status: 'loading'});
        let state: CardState;
        try {
          state = {status: 'done', data: await runCardQuery(card, values, queries.signal)};
        } catch (error) {
          state = {
            status: 'failed',
            // The API's own messages stay as it answers them (English, as Metabase's server).
            message: error instanceof ApiError ? error.message : this.t('queryFailed', {message: messageOf(error)}),
          };
        }
        if (current()) this.setCard(card, state);
      }),
    );
    if (current()) this.setState('ready');
  }

  private onFilterChange(slug: string, value: FilterValue): void {
    if (this.item && !this.item.autoApply) {
      // Metabase's Apply button: the cards keep the applied values until it is pressed.
      this.draft.set(slug, value);
      this.showApplyButton();
      return;
    }
    this.applyFilter(slug, value);
    void this.runQueries();
  }

  /** Applies every change waiting for Apply, then runs the queries once. */
  private applyDraft(): void {
    for (const [slug, value] of this.draft) this.applyFilter(slug, value);
    this.draft.clear();
    this.showApplyButton();
    void this.runQueries();
  }

  /** Changes waiting differ from what the cards show: the Apply button is offered. */
  private get hasUnapplied(): boolean {
    return [...this.draft].some(([slug, value]) => JSON.stringify(value) !== JSON.stringify(this.values[slug] ?? null));
  }

  private showApplyButton(): void {
    const button = this.root.querySelector<HTMLButtonElement>('.mb-apply');
    if (button) button.hidden = !this.hasUnapplied;
  }

  /** One filter's new value: the values the cards use, the URL and the download links. */
  private applyFilter(slug: string, value: FilterValue): void {
    // Clearing a filter that has a default sends null (and `slug=` in the URL), as Metabase
    // does: leaving the slug out would bring the default back.
    const hasDefault = this.item?.parameters.find((p) => p.slug === slug)?.default !== undefined;
    if (value === null && !hasDefault) delete this.values[slug];
    else this.values[slug] = value;
    this.replaceSearch(withFilterValue(window.location.search, slug, value, hasDefault));
    // Download links carry the filter values: keep them in step without re-drawing the widgets.
    for (const card of this.shownCards) {
      this.root
        .querySelector(`[data-card="${CSS.escape(card.key)}"] .mb-download`)
        ?.setAttribute('href', card.queryUrl(this.values, 'csv'));
    }
  }

  private onCardClick(card: CardSlot, event: Event): void {
    const state = this.cards.get(card.key);
    if (!(event.target instanceof Element)) return;
    followClick(event.target, {
      settings: card.clicks,
      data: state?.status === 'done' ? state.data : null,
      filters: this.values,
      parameters: this.item?.parameters ?? [],
    });
  }

  private setCard(card: CardSlot, state: CardState): void {
    this.cards.set(card.key, state);
    const body = this.root.querySelector(`[data-card="${CSS.escape(card.key)}"] .mb-card-body`);
    if (body) body.replaceChildren(this.cardContent(card));
  }

  private cardContent(card: CardSlot): Element {
    const state = this.cards.get(card.key) ?? {status: 'loading'};
    if (state.status === 'loading') return h('p', {class: 'mb-loading'}, this.t('loading'));
    if (state.status === 'failed')
      return h('div', {class: 'mb-error', role: 'alert'}, h('p', {class: 'mb-error-message'}, state.message));
    return visualization(
      card.display,
      card.title,
      state.data,
      card.settings,
      createFormatter(this.appearance.locale),
      this.t,
    );
  }

  private render(): void {
    const item = this.item!;
    const {appearance} = this;
    const shown = item.parameters.filter((p) => !appearance.hideParameters.includes(p.slug));
    const header = h(
      'header',
      {class: 'mb-header'},
      appearance.titled ? h('h1', {class: 'mb-title'}, item.name) : null,
      appearance.downloads.pdf && this.resource === 'dashboard'
        ? h('button', {type: 'button', class: 'mb-download-pdf'}, this.t('downloadPdf'))
        : null,
    );
    header.querySelector('.mb-download-pdf')?.addEventListener('click', () => window.print());
    const widgets =
      shown.length === 0
        ? null
        : filterWidgets({
            parameters: shown,
            values: {...this.values, ...Object.fromEntries(this.draft)},
            loadOptions: (parameter) => loadValues(item.valuesUrl(parameter)),
            onChange: (slug, value) => this.onFilterChange(slug, value),
            t: this.t,
          });
    if (widgets && !item.autoApply) {
      const apply = h('button', {type: 'button', class: 'mb-apply', hidden: !this.hasUnapplied}, this.t('apply'));
      apply.addEventListener('click', () => this.applyDraft());
      widgets.append(apply);
    }
    const grid = h(
      'div',
      {class: this.resource === 'dashboard' ? 'mb-grid' : 'mb-single'},
      ...this.shownCards.map((card) => this.cardElement(card)),
    );
    this.root.replaceChildren(
      ...[header.childElementCount > 0 ? header : null, this.tabBar(), widgets, grid].filter((el) => el !== null),
    );
  }

  /** Metabase's tab bar, under the title: shown when the dashboard has two tabs or more. */
  private tabBar(): HTMLElement | null {
    const tabs = this.item?.tabs ?? [];
    if (tabs.length < 2) return null;
    const bar = h('nav', {class: 'mb-tabs', role: 'tablist', 'aria-label': this.t('tabs')});
    for (const tab of tabs) {
      const selected = tab.id === this.tab?.id;
      // One tab stop for the bar (the selected tab); the arrow keys move between tabs.
      const button = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'mb-tab',
          'aria-selected': String(selected),
          tabindex: selected ? '0' : '-1',
          'data-tab-id': tab.id,
        },
        tab.name,
      );
      button.addEventListener('click', () => this.selectTab(tab));
      bar.append(button);
    }
    // A key opens the tab it moves to, as Metabase's tab bar does, and the focus follows it.
    bar.addEventListener('keydown', (event) => {
      const next = tabForKey(event.key, tabs, this.tab);
      if (!next) return;
      event.preventDefault();
      this.selectTab(next);
      this.root.querySelector<HTMLElement>('.mb-tab[aria-selected="true"]')?.focus();
    });
    return bar;
  }

  private cardElement(card: CardSlot): HTMLElement {
    const element = h(
      'section',
      {class: `mb-card mb-card-${card.display}`, 'data-card': card.key, 'aria-label': card.title},
      h(
        'div',
        {class: 'mb-card-head'},
        this.resource === 'dashboard' ? h('h2', {class: 'mb-card-title'}, card.title) : null,
        this.appearance.downloads.results
          ? h(
              'a',
              {class: 'mb-download', href: card.queryUrl(this.values, 'csv'), download: true},
              this.t('downloadResults'),
            )
          : null,
      ),
      h('div', {class: 'mb-card-body'}, this.cardContent(card)),
    );
    if (hasClickBehavior(card.clicks)) {
      element.classList.add('mb-clickable');
      element.querySelector('.mb-card-body')!.addEventListener('click', (event) => this.onCardClick(card, event));
    }
    if (card.layout) {
      // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy.
      element.style.gridColumn = `${card.layout.col + 1} / span ${card.layout.size_x}`;
      element.style.gridRow = `${card.layout.row + 1} / span ${card.layout.size_y}`;
    }
    return element;
  }
}
