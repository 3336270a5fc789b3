// Attribute text → property values. Converters never throw and never drop what they cannot
// read: a malformed value stays recognisable so validation can name the attribute and
// what it allows (a console warning or a configuration error, never a silent default).
import {errorText} from './error-text.js';

/** What a JSON attribute holds when its text is not JSON. */
export class UnparsableJson {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

export function parseJsonAttribute(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return new UnparsableJson(text, errorText(error));
  }
}

/** `""` and `"true"` → true, `"false"` → false, anything else stays the text. */
export function parseBooleanAttribute(text: string | null): boolean | string | undefined {
  if (text === null) return undefined;
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  return text;
}

/** Decimal numbers (an optional `px` suffix is allowed for heights); anything else stays the text. */
export function parseNumberAttribute(text: string | null): number | string | undefined {
  if (text === null) return undefined;
  const value = text.trim().replace(/px$/i, '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : text;
}

/** Lit converters built on the parsers above (attributes are never reflected). */
export const jsonConverter = {fromAttribute: parseJsonAttribute};
export const booleanConverter = {fromAttribute: parseBooleanAttribute};
export const numberConverter = {fromAttribute: parseNumberAttribute};

/** How a value looks in a message: short, quoted, never a whole object dump. */
export function quote(value: unknown): string {
  if (value instanceof UnparsableJson) return JSON.stringify(value.text);
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
