// The pretend users: one per tenant, so switching user switches the locked tenant.
import type {DemoUser} from './session.js';

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Donald', 'Margaret'];

export function usersForTenants(tenants: ReadonlyArray<{name: string; value: string | number}>): DemoUser[] {
  return tenants.map((tenant, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!; // index % length is in range
    const name = index < FIRST_NAMES.length ? first : `${first} ${Math.floor(index / FIRST_NAMES.length) + 1}`;
    return {id: name.toLowerCase().replace(/\s+/g, '-'), name, tenant: {name: tenant.name, value: tenant.value}};
  });
}
