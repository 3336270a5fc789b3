// The `cardDelayMs` option (emulator/README.md#slow-cards): card queries answer late, spread
// over the delay, so a dashboard is drawn card by card as a busy Metabase draws it. Pure.

/** The most a card may be held back: 10 minutes. */
export const MAX_CARD_DELAY_MS = 600_000;

/** How long the `index`-th of `count` cards (0-based, dashboard order) waits: the last waits `totalMs`. */
export function cardDelay(totalMs: number, index: number, count: number): number {
  return count > 0 ? Math.round((totalMs * (index + 1)) / count) : totalMs;
}

/** The option as given, refused unless it is a whole number of ms from 0 to MAX_CARD_DELAY_MS. */
export function assertCardDelay(value: unknown, name = 'cardDelayMs'): asserts value is number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_CARD_DELAY_MS)
    throw new TypeError(
      `${name} must be a whole number of milliseconds from 0 to ${MAX_CARD_DELAY_MS} (got ${String(value)}).`,
    );
}
