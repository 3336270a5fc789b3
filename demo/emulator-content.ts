// What the demo shows when it runs on the emulator: its built-in sample dashboards and
// questions, with the tenant parameter locked to the signed-in user.
import {SAMPLE, type Plan} from 'metabase-embed-emulator';
import type {DemoContent, DemoItem} from './content.js';
import {usersForTenants} from './users.js';

/** Slugs an embed may set: the parameters the item publishes as editable ("enabled"). */
function editableSlugs(parameters: Record<string, string>): string[] {
  return Object.entries(parameters)
    .filter(([, status]) => status === 'enabled')
    .map(([slug]) => slug);
}

export function emulatorContent(emulatorUrl: string, plan: Plan): DemoContent {
  const {salesDashboard, customersDashboard, monthlyRevenueQuestion, ordersQuestion} = SAMPLE;
  const item = (resource: DemoItem['resource'], title: string, parameters: Record<string, string>): DemoItem => ({
    resource,
    title,
    editable: editableSlugs(parameters),
    locksTenant: parameters.tenant === 'locked',
  });
  const revenue = item(
    {question: monthlyRevenueQuestion.entityId},
    'Monthly revenue',
    monthlyRevenueQuestion.parameters,
  );
  return {
    source: `the local Metabase emulator at ${emulatorUrl}`,
    emulatorPlan: plan,
    dashboard: {
      ...item({dashboard: salesDashboard.id}, 'Sales overview', salesDashboard.parameters),
      select: {slug: 'category', label: 'Category', options: [...SAMPLE.categories]},
      dateRange: {slug: 'created_at', label: 'Order date', min: SAMPLE.dateRange.from, max: SAMPLE.dateRange.to},
    },
    question: revenue,
    lazy: [
      revenue,
      item({question: ordersQuestion.entityId}, 'Latest orders', ordersQuestion.parameters),
      item({dashboard: customersDashboard.id}, 'Customers', customersDashboard.parameters),
    ],
    tenantSlug: 'tenant',
    users: usersForTenants(SAMPLE.tenants.map((tenant) => ({name: tenant, value: tenant}))),
  };
}
