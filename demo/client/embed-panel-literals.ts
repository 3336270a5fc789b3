// Values written as source code in each language the Embed panel generates. Pure functions.

/** A JSON string is a valid string literal in JavaScript, Python and Clojure alike. */
export const quoted = (text: string) => JSON.stringify(text);

/** Ruby: single quotes, so `#{…}` in a value is never interpolated. */
export const rubyString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A name usable as a variable in Ruby, Python, Mustache and JavaScript (`created_at` stays). */
export function identifier(slug: string): string {
  const name = slug.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** JavaScript's usual spelling: `created_at` → `createdAt`. */
export const camelIdentifier = (slug: string) =>
  identifier(slug).replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** An object key in JavaScript: bare when it is an identifier. */
export const jsKey = (key: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quoted(key));

/** An HTML attribute: double quotes, or single ones around a value that has double quotes (JSON). */
export function htmlAttribute(name: string, value: string): string {
  const amp = value.replace(/&/g, '&amp;');
  return value.includes('"') ? `${name}='${amp.replace(/'/g, '&#39;')}'` : `${name}="${amp}"`;
}

/** A value locked by the server: a string, or `[]` (no filter), in each language. */
export type LockedValue = string | never[];

export const jsValue = (value: LockedValue) => (Array.isArray(value) ? '[]' : quoted(value));
export const rubyValue = (value: LockedValue) => (Array.isArray(value) ? '[]' : rubyString(value));
export const clojureValue = (value: LockedValue) => (Array.isArray(value) ? '[]' : quoted(value));
