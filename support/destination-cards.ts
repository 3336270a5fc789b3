// The custom-destination test dashboard's cards (destinations-plugin.ts builds it), for both sides of the tests.

/** Dashcard ids of the test dashboard (dashboard 1). */
export const DESTINATION_CARDS = {
  /** A number whose click opens `/landed?category={{category}}&tenant={{tenant}}`. */
  linked: 1,
  /** A number with no click behaviour. */
  plain: 2,
  /** A table whose `product_title` cells open `/product?title={{product_title}}&category={{category}}`. */
  table: 3,
  /** A number whose template fills as `<category>:alert(document.domain)`. */
  unsafe: 4,
} as const;
