// Formats result values for the page with Intl, in the embed's locale (emulator/README.md#urls
// `locale`). Dates are shown in UTC, the time zone of the results. DOM-free.
import type {ColumnSettings} from '../../content/schema.js';

export interface FormatColumn {
  name: string;
  base_type: string;
  unit?: string;
}

const NUMERIC = new Set(['type/Integer', 'type/BigInteger', 'type/Float', 'type/Decimal']);

export const isNumericColumn = (col: FormatColumn) => NUMERIC.has(col.base_type);
export const isDateColumn = (col: FormatColumn) => col.base_type === 'type/DateTime' || col.base_type === 'type/Date';

export interface Formatter {
  locale: string;
  format(value: unknown, col: FormatColumn, settings?: ColumnSettings, compact?: boolean): string;
}

function dateOptions(unit: string | undefined): Intl.DateTimeFormatOptions {
  switch (unit) {
    case 'year':
      return {year: 'numeric', timeZone: 'UTC'};
    case 'quarter':
    case 'month':
      return {year: 'numeric', month: 'short', timeZone: 'UTC'};
    case 'week':
    case 'day':
      return {dateStyle: 'medium', timeZone: 'UTC'};
    default:
      return {dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC'};
  }
}

/** Metabase's default site locale: what an embed without a (usable) `locale` shows. */
const DEFAULT_LOCALE = 'en';

/** `locale` if Intl formats it (`pt_BR` reads as `pt-BR`), else English, never the browser's own. */
export function formatLocale(locale: string | null): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale?.replace(/_/g, '-') ?? []);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // not a language tag
  }
}

/** A formatter for `locale` (an invalid, unknown or missing locale falls back to English). */
export function createFormatter(locale: string | null): Formatter {
  const resolved = formatLocale(locale);
  const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
  const cached = <T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
  return {
    locale: resolved,
    format(value, col, settings, compact = false) {
      if (value === null || value === undefined) return '';
      if (typeof value === 'number' && isNumericColumn(col)) {
        const currency = settings?.number_style === 'currency' ? (settings.currency ?? 'USD') : null;
        const integer = col.base_type !== 'type/Float' && col.base_type !== 'type/Decimal';
        const key = `n|${currency}|${integer}|${compact}`;
        return cached(
          key,
          () =>
            new Intl.NumberFormat(resolved, {
              ...(currency ? {style: 'currency', currency} : {}),
              ...(compact
                ? {notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1}
                : {maximumFractionDigits: integer && !currency ? 0 : 2}),
            }),
        ).format(value);
      }
      if (typeof value === 'string' && isDateColumn(col)) {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) return value;
        if (col.unit === 'quarter') {
          const year = cached('y', () => new Intl.DateTimeFormat(resolved, {year: 'numeric', timeZone: 'UTC'})).format(
            date,
          );
          return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${year}`;
        }
        return cached(`d|${col.unit}`, () => new Intl.DateTimeFormat(resolved, dateOptions(col.unit))).format(date);
      }
      if (typeof value === 'string') return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '');
    },
  };
}
