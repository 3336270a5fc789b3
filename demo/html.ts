// A tiny HTML template tag for the demo's server-rendered pages: every interpolated value
// is escaped unless it is already markup made by `html` (or an array of such).
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Interpolation = Markup | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function render(value: Interpolation): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  return new Markup(strings.reduce((out, chunk, index) => out + render(values[index - 1] ?? null) + chunk));
}

/** JSON inside a <script> element: `<` is escaped so no value can close the element. */
export function scriptJson(value: unknown): Markup {
  return new Markup(JSON.stringify(value, null, 2).replace(/</g, '\\u003c'));
}
