// The built-in items: four dashboards (one with tabs, one whose filters wait for Apply) and
// two embeddable questions over the sample tables.
// `SAMPLE` names every id and slug a host app (the demo, tests) needs to sign tokens.
import {SAMPLE_CATEGORIES, SAMPLE_DATE_RANGE, SAMPLE_SOURCES, SAMPLE_STATES, SAMPLE_TENANTS} from './sample-data.js';
import type {
  DashboardDef,
  DashcardDef,
  EmbeddingParamStatus,
  EmbeddingParams,
  ParameterDef,
  ParameterMappingDef,
  QuestionDef,
  VisualizationSettings,
} from './schema.js';

/** Ids, entity ids and parameter slugs (with their embedding status) of the sample content. */
export const SAMPLE = {
  salesDashboard: {
    id: 1,
    entityId: 'SalesOverviewDash0001',
    parameters: {tenant: 'locked', category: 'enabled', created_at: 'enabled', source: 'disabled'},
    /** The dashcard whose table gets longer or shorter with the filters. */
    tableCard: {dashcardId: 6, cardId: 106},
    /** The "Orders" card opens this custom destination (a URL click behaviour) in a new tab. */
    destinationCard: {dashcardId: 2, linkTemplate: 'https://example.com/orders?category={{category}}'},
  },
  customersDashboard: {
    id: 2,
    entityId: 'CustomersDashboard002',
    parameters: {tenant: 'locked', state: 'enabled'},
  },
  /** The sales cards on two tabs (Metabase writes the open one as `?tab=<id>-<name>`). */
  tabbedDashboard: {
    id: 3,
    entityId: 'SalesInTabsDashbrd003',
    parameters: {tenant: 'locked', category: 'enabled'},
    tabs: [
      {id: 31, name: 'Overview', slug: '31-overview', cardIds: [101, 102, 103]},
      {id: 32, name: 'Product details', slug: '32-product-details', cardIds: [104, 106]},
    ],
  },
  /** Its filters wait for the visitor's Apply (`auto_apply_filters: false`). */
  applyDashboard: {
    id: 4,
    entityId: 'ApplyFiltersDashbd004',
    parameters: {tenant: 'locked', category: 'enabled', created_at: 'enabled'},
  },
  monthlyRevenueQuestion: {
    id: 301,
    entityId: 'MonthlyRevenueQ000301',
    parameters: {tenant: 'locked', category: 'enabled'},
  },
  ordersQuestion: {
    id: 302,
    entityId: 'OrdersTableQuestion02',
    parameters: {tenant: 'locked', category: 'enabled', created_at: 'enabled', source: 'disabled'},
  },
  tenants: SAMPLE_TENANTS,
  categories: SAMPLE_CATEGORIES,
  sources: SAMPLE_SOURCES,
  states: SAMPLE_STATES,
  dateRange: SAMPLE_DATE_RANGE,
} as const satisfies Record<string, unknown>;

const PARAMETERS = {
  tenant: {id: 'p-tenant', slug: 'tenant', name: 'Tenant', type: 'string/='},
  category: {id: 'p-category', slug: 'category', name: 'Category', type: 'string/='},
  created_at: {id: 'p-created-at', slug: 'created_at', name: 'Order date', type: 'date/range'},
  source: {id: 'p-source', slug: 'source', name: 'Source', type: 'string/='},
  state: {id: 'p-state', slug: 'state', name: 'State', type: 'string/='},
} satisfies Record<string, ParameterDef>;
type Slug = keyof typeof PARAMETERS;

const currency = (...columns: string[]): VisualizationSettings => ({
  column_settings: Object.fromEntries(columns.map((column) => [column, {number_style: 'currency', currency: 'USD'}])),
});

function dashboardParameters(params: Partial<Record<Slug, EmbeddingParamStatus>>) {
  const slugs = Object.keys(params) as Slug[];
  return {
    parameters: slugs.map((slug) => ({...PARAMETERS[slug]})),
    embedding_params: {...params} as EmbeddingParams,
    // Every sample filter targets a column of the same name.
    mappings: slugs.map((slug) => ({parameter_id: PARAMETERS[slug].id, column: slug})),
  };
}

function questionParameters(params: Partial<Record<Slug, EmbeddingParamStatus>>) {
  return (Object.keys(params) as Slug[]).map((slug) => ({...PARAMETERS[slug], column: slug}));
}

type Layout = [col: number, row: number, size_x: number, size_y: number];

/** Dashcards for `cards` at `layout` positions, numbered from `firstId`, all with `mappings`. */
function placeCards(
  cards: readonly QuestionDef[],
  layout: readonly Layout[],
  firstId: number,
  mappings: ParameterMappingDef[],
): DashcardDef[] {
  return cards.map((card, index) => {
    const [col, row, size_x, size_y] = layout[index % layout.length]!;
    return {id: firstId + index, card_id: card.id, col, row, size_x, size_y, parameter_mappings: mappings};
  });
}

function salesDashboard(): {dashboard: DashboardDef; cards: QuestionDef[]} {
  const {parameters, embedding_params, mappings} = dashboardParameters(SAMPLE.salesDashboard.parameters);
  const card = (
    id: number,
    name: string,
    display: QuestionDef['display'],
    query: Omit<QuestionDef['query'], 'source'>,
    settings?: VisualizationSettings,
  ): QuestionDef => ({
    id,
    name,
    display,
    query: {source: 'orders', ...query},
    ...(settings ? {visualization_settings: settings} : {}),
  });
  const cards = [
    card(101, 'Revenue', 'scalar', {aggregation: [['sum', 'total']]}, currency('sum')),
    card(102, 'Orders', 'scalar', {aggregation: [['count']]}),
    card(103, 'Average order', 'scalar', {aggregation: [['avg', 'total']]}, currency('avg')),
    card(
      104,
      'Revenue by category',
      'bar',
      {aggregation: [['sum', 'total']], breakout: [{column: 'category'}]},
      currency('sum'),
    ),
    card(105, 'Orders per month', 'line', {
      aggregation: [['count']],
      breakout: [{column: 'created_at', unit: 'month'}],
    }),
    card(
      106,
      'Products',
      'table',
      {
        aggregation: [['count'], ['sum', 'total']],
        breakout: [{column: 'product_title'}, {column: 'category'}],
        order_by: [['sum', 'desc']],
      },
      currency('sum'),
    ),
  ];
  const layout: Layout[] = [
    [0, 0, 8, 3],
    [8, 0, 8, 3],
    [16, 0, 8, 3],
    [0, 3, 12, 6],
    [12, 3, 12, 6],
    [0, 9, 24, 4],
  ];
  return {
    cards,
    dashboard: {
      id: SAMPLE.salesDashboard.id,
      entity_id: SAMPLE.salesDashboard.entityId,
      name: 'Sales overview',
      description: 'Revenue and orders of the sample shop.',
      enable_embedding: true,
      embedding_params,
      parameters,
      dashcards: placeCards(cards, layout, 1, mappings).map((dashcard) =>
        dashcard.id === SAMPLE.salesDashboard.destinationCard.dashcardId
          ? {
              ...dashcard,
              visualization_settings: {
                click_behavior: {
                  type: 'link',
                  linkType: 'url',
                  linkTemplate: SAMPLE.salesDashboard.destinationCard.linkTemplate,
                },
              },
            }
          : dashcard,
      ),
    },
  };
}

function customersDashboard(): {dashboard: DashboardDef; cards: QuestionDef[]} {
  const {parameters, embedding_params, mappings} = dashboardParameters(SAMPLE.customersDashboard.parameters);
  const cards: QuestionDef[] = [
    {id: 201, name: 'Customers', display: 'scalar', query: {source: 'people', aggregation: [['count']]}},
    {
      id: 202,
      name: 'Customers by source',
      display: 'bar',
      query: {source: 'people', aggregation: [['count']], breakout: [{column: 'source'}]},
    },
    {
      id: 203,
      name: 'Sign-ups per quarter',
      display: 'line',
      query: {source: 'people', aggregation: [['count']], breakout: [{column: 'created_at', unit: 'quarter'}]},
    },
    {
      id: 204,
      name: 'Customers by state',
      display: 'table',
      query: {source: 'people', aggregation: [['count']], breakout: [{column: 'state'}], order_by: [['count', 'desc']]},
    },
  ];
  const layout: Layout[] = [
    [0, 0, 6, 6],
    [6, 0, 9, 6],
    [15, 0, 9, 6],
    [0, 6, 24, 6],
  ];
  return {
    cards,
    dashboard: {
      id: SAMPLE.customersDashboard.id,
      entity_id: SAMPLE.customersDashboard.entityId,
      name: 'Customers',
      enable_embedding: true,
      embedding_params,
      parameters,
      dashcards: placeCards(cards, layout, 11, mappings),
    },
  };
}

/** Dashboard 3: the sales cards (101–106) on two tabs. */
function tabbedDashboard(): DashboardDef {
  const {parameters, embedding_params, mappings} = dashboardParameters(SAMPLE.tabbedDashboard.parameters);
  const layouts: Layout[] = [
    [0, 0, 8, 3],
    [8, 0, 8, 3],
    [16, 0, 8, 3],
  ];
  let dashcardId = 20;
  const dashcards = SAMPLE.tabbedDashboard.tabs.flatMap((tab) =>
    tab.cardIds.map((cardId, index): DashcardDef => {
      const [col, row, size_x, size_y] = tab.cardIds.length === 3 ? layouts[index]! : ([0, index * 6, 24, 6] as Layout);
      return {
        id: ++dashcardId,
        card_id: cardId,
        col,
        row,
        size_x,
        size_y,
        parameter_mappings: mappings,
        dashboard_tab_id: tab.id,
      };
    }),
  );
  return {
    id: SAMPLE.tabbedDashboard.id,
    entity_id: SAMPLE.tabbedDashboard.entityId,
    name: 'Sales in tabs',
    enable_embedding: true,
    embedding_params,
    parameters,
    tabs: SAMPLE.tabbedDashboard.tabs.map(({id, name}) => ({id, name})),
    dashcards,
  };
}

/** Dashboard 4: three sales cards whose filters apply only when the visitor presses Apply. */
function applyDashboard(): DashboardDef {
  const {parameters, embedding_params, mappings} = dashboardParameters(SAMPLE.applyDashboard.parameters);
  const layout: Layout[] = [
    [0, 0, 12, 3],
    [12, 0, 12, 3],
    [0, 3, 24, 6],
  ];
  return {
    id: SAMPLE.applyDashboard.id,
    entity_id: SAMPLE.applyDashboard.entityId,
    name: 'Orders, applied on demand',
    enable_embedding: true,
    embedding_params,
    parameters,
    auto_apply_filters: false,
    dashcards: [101, 102, 104].map((cardId, index) => {
      const [col, row, size_x, size_y] = layout[index]!;
      return {id: 41 + index, card_id: cardId, col, row, size_x, size_y, parameter_mappings: mappings};
    }),
  };
}

function embeddableQuestions(): QuestionDef[] {
  const {monthlyRevenueQuestion: revenue, ordersQuestion: orders} = SAMPLE;
  return [
    {
      id: revenue.id,
      entity_id: revenue.entityId,
      name: 'Monthly revenue',
      display: 'line',
      query: {source: 'orders', aggregation: [['sum', 'total']], breakout: [{column: 'created_at', unit: 'month'}]},
      parameters: questionParameters(revenue.parameters),
      visualization_settings: currency('sum'),
      enable_embedding: true,
      embedding_params: {...revenue.parameters},
    },
    {
      id: orders.id,
      entity_id: orders.entityId,
      name: 'Latest orders',
      display: 'table',
      query: {
        source: 'orders',
        fields: ['id', 'created_at', 'product_title', 'category', 'quantity', 'total'],
        order_by: [['created_at', 'desc']],
        limit: 25,
      },
      parameters: questionParameters(orders.parameters),
      visualization_settings: currency('total'),
      enable_embedding: true,
      embedding_params: {...orders.parameters},
    },
  ];
}

/** A fresh copy of the built-in content (the sample tables are filled in by the emulator). */
export function sampleContent(): {embedding_enabled: boolean; questions: QuestionDef[]; dashboards: DashboardDef[]} {
  const sales = salesDashboard();
  const customers = customersDashboard();
  return {
    embedding_enabled: true,
    questions: [...sales.cards, ...customers.cards, ...embeddableQuestions()],
    dashboards: [sales.dashboard, customers.dashboard, tabbedDashboard(), applyDashboard()],
  };
}
