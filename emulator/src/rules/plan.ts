// Which Metabase plan the emulator behaves as. Open source (the default, as a fresh
// Metabase) shows the "Powered by Metabase" banner and ignores the paid-only hash options
// (font, downloads, locale); "pro" stands for the paid plans (Pro and Enterprise).

export const PLANS = ['oss', 'pro'] as const;
export type Plan = (typeof PLANS)[number];

export const isPlan = (value: unknown): value is Plan => (PLANS as readonly unknown[]).includes(value);

/** Throws a TypeError naming `name` unless `value` is a plan. */
export function assertPlan(value: unknown, name = 'plan'): asserts value is Plan {
  if (!isPlan(value))
    throw new TypeError(
      `${name} must be "oss" or "pro" (got ${typeof value === 'string' ? `"${value}"` : String(value)}).`,
    );
}
