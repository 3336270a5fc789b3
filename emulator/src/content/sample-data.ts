// The built-in sample tables: a small shop's products, people and orders, generated from a
// fixed seed so every run (and every machine) sees the same numbers.
import type {Row, Tables} from './schema.js';

/** mulberry32: a tiny, well-distributed 32-bit PRNG; good enough for fake data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_SEED = 20240601;
export const SAMPLE_TENANTS = ['Acme', 'Globex', 'Initech', 'Umbrella'] as const;
export const SAMPLE_CATEGORIES = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'] as const;
export const SAMPLE_SOURCES = ['Affiliate', 'Facebook', 'Google', 'Organic', 'Twitter'] as const;
export const SAMPLE_STATES = ['CA', 'NY', 'TX', 'WA', 'IL', 'FL', 'OR', 'MA', 'CO', 'GA'] as const;
/** Orders span these two calendar years (UTC), so date filters have fixed answers. */
export const SAMPLE_DATE_RANGE = {from: '2023-01-01', to: '2024-12-31'} as const;

const COUNTS = {products: 48, people: 600, orders: 4000};
const ADJECTIVES = [
  'Aerodynamic',
  'Durable',
  'Ergonomic',
  'Heavy-Duty',
  'Lightweight',
  'Practical',
  'Rustic',
  'Sleek',
  'Synergistic',
  'Enormous',
  'Mediocre',
  'Incredible',
];
const MATERIALS = [
  'Aluminum',
  'Bronze',
  'Concrete',
  'Copper',
  'Granite',
  'Leather',
  'Linen',
  'Marble',
  'Paper',
  'Plastic',
  'Rubber',
  'Wool',
];
const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Edda',
  'Finn',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Otto',
  'Pia',
];
const LAST_NAMES = [
  'Adams',
  'Baker',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Haas',
  'Ito',
  'Jones',
  'Khan',
  'Lopez',
];
const DAY_MS = 86_400_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!; // random() < 1
}

const cents = (value: number) => Math.round(value * 100) / 100;
const isoSeconds = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

const categoryOf = (index: number) => SAMPLE_CATEGORIES[index % SAMPLE_CATEGORIES.length]!;

function generateProducts(random: () => number): Row[] {
  return Array.from({length: COUNTS.products}, (_, index) => ({
    id: index + 1,
    title: `${pick(random, ADJECTIVES)} ${pick(random, MATERIALS)} ${categoryOf(index)}`,
    category: categoryOf(index),
    vendor: `${pick(random, LAST_NAMES)} and Sons`,
    price: cents(12 + random() * 88),
    rating: Math.round((2.5 + random() * 2.5) * 10) / 10,
  }));
}

function generatePeople(random: () => number, start: number, span: number): Row[] {
  return Array.from({length: COUNTS.people}, (_, index) => ({
    id: index + 1,
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    tenant: pick(random, SAMPLE_TENANTS),
    state: pick(random, SAMPLE_STATES),
    source: pick(random, SAMPLE_SOURCES),
    created_at: isoSeconds(start + Math.floor(random() * span * 0.5)),
  }));
}

function generateOrders(random: () => number, products: Row[], people: Row[], start: number, span: number): Row[] {
  const orders = Array.from({length: COUNTS.orders}, () => {
    const product = pick(random, products);
    const person = pick(random, people);
    // sqrt skews dates towards the end: a shop that grows.
    const createdAt = start + Math.floor(Math.sqrt(random()) * span);
    const quantity = 1 + Math.floor(random() * 5);
    const subtotal = cents(Number(product.price) * quantity);
    const discount = random() < 0.15 ? cents(subtotal * 0.1) : 0;
    return {
      created_at: isoSeconds(createdAt),
      tenant: person.tenant!,
      product_id: product.id!,
      product_title: product.title!,
      category: product.category!,
      person_id: person.id!,
      state: person.state!,
      source: person.source!,
      quantity,
      subtotal,
      discount,
      total: cents(subtotal - discount),
    };
  });
  orders.sort((a, b) => a.created_at.localeCompare(b.created_at));
  return orders.map((order, index) => ({id: index + 1, ...order}));
}

/** Fresh copies of the sample tables (`products`, `people`, `orders`), identical on every call. */
export function generateSampleTables(seed = SAMPLE_SEED): Tables & Record<'products' | 'people' | 'orders', Row[]> {
  const random = seededRandom(seed);
  const start = Date.parse(`${SAMPLE_DATE_RANGE.from}T00:00:00Z`);
  const span = Date.parse(`${SAMPLE_DATE_RANGE.to}T00:00:00Z`) + DAY_MS - start;
  const products = generateProducts(random);
  const people = generatePeople(random, start, span);
  const orders = generateOrders(random, products, people, start, span);
  return {products, people, orders};
}
