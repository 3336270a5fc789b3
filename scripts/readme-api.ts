// Writes the element API block of docs/element.md (between <!-- element-api:start --> and
// <!-- element-api:end -->) from custom-elements.json, which `npm run build` generates from the
// element's JSDoc. Edit the JSDoc in src/metabase-embed.ts, then run:
//
//   npm run build && npx tsx scripts/readme-api.ts         rewrite the block
//   npx tsx scripts/readme-api.ts --check                   exit 1 if the block is out of date
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

interface Described {
  name: string;
  description?: string | undefined;
}

/** What this script reads of custom-elements.json (the analyzer's schema, in part). */
export interface ManifestMember extends Described {
  kind: 'field' | 'method';
  type?: {text: string};
  attribute?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  default?: string;
  parameters?: Array<{name: string; type?: {text: string}; optional?: boolean; rest?: boolean; default?: string}>;
  return?: {type?: {text: string}};
}

export interface ManifestAttribute extends Described {
  fieldName?: string;
  type?: {text: string};
  default?: string;
}

export type ManifestEvent = Described & {type?: {text: string} | undefined};

export interface ManifestElement extends Described {
  tagName?: string;
  summary?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  events?: ManifestEvent[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Array<Described & {default?: string}>;
}

export interface Manifest {
  modules: Array<{path: string; declarations?: ManifestElement[]}>;
}

export const startMarker = '<!-- element-api:start -->';
export const endMarker = '<!-- element-api:end -->';
/** The page that holds the block. */
export const apiPage = 'docs/element.md';

const lifecycleCallbacks = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'adoptedCallback',
]);

/** Splits a type's text at its top-level `|`, leaving unions inside brackets or quotes whole. */
export function splitUnion(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote && text[i - 1] !== '\\') quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{<'.includes(char)) depth++;
    else if (')]}'.includes(char) || (char === '>' && text[i - 1] !== '=')) depth--;
    else if (char === '|' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

/** A type as a reader wants it: without the `undefined`/`null` that only mean "not set". */
const valuesOf = (typeText: string | undefined) =>
  splitUnion(typeText ?? '')
    .filter((part) => part !== 'undefined' && part !== 'null')
    .join(' | ');

/** `T | undefined | undefined` (an optional field declared `T | undefined`) → `T | undefined` */
const withoutRepeats = (typeText: string | undefined) => [...new Set(splitUnion(typeText ?? ''))].join(' | ');

/** `CustomEvent<{height: number}>` → `{height: number}` */
function eventDetail(typeText: string | undefined): string {
  const match = /^CustomEvent<([\s\S]*)>$/.exec((typeText ?? '').trim());
  return match ? match[1]!.trim() : '';
}

const cell = (text: string | undefined) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');

function table(headers: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function section(title: string, headers: string[], rows: string[][], intro: string[] = []): string[] {
  if (rows.length === 0) return [];
  return [`### ${title}`, '', ...intro, ...table(headers, rows)];
}

/**
 * Members users may touch: not static, private, protected, `_`-prefixed or a custom-element
 * lifecycle callback. (The analyzer marks properties declared in `static properties` as
 * explicitly public.)
 */
export const isPublicMember = (member: ManifestMember): boolean =>
  !member.static &&
  (member.privacy ?? 'public') === 'public' &&
  !member.name.startsWith('_') &&
  !member.name.startsWith('#') &&
  !lifecycleCallbacks.has(member.name);

/** One entry per event name: the analyzer lists an event both from `@fires` and from a dispatch. */
export function uniqueEvents(events: ManifestEvent[]): ManifestEvent[] {
  const byName = new Map<string, ManifestEvent>();
  for (const event of events.filter((e) => e.name)) {
    const seen: Partial<ManifestEvent> = byName.get(event.name) ?? {};
    byName.set(event.name, {
      ...seen,
      ...event,
      type: event.type?.text && event.type.text !== 'CustomEvent' ? event.type : (seen.type ?? event.type),
      description: event.description || seen.description,
    });
  }
  return [...byName.values()];
}

/** The element class of the manifest (the one custom element it declares). */
export function elementDeclaration(manifest: Manifest): ManifestElement {
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement);
  if (declarations.length !== 1)
    throw new Error(`custom-elements.json declares ${declarations.length} custom elements, expected 1`);
  return declarations[0]!;
}

function signature(method: ManifestMember): string {
  const params = (method.parameters ?? [])
    .map(
      (p) =>
        `${p.rest ? '...' : ''}${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`,
    )
    .join(', ');
  return `${method.name}(${params})${method.return?.type ? `: ${method.return.type.text}` : ''}`;
}

/** The API block, markers included, for this manifest. */
export function renderApiBlock(manifest: Manifest): string {
  const element = elementDeclaration(manifest);
  const members = (element.members ?? []).filter(isPublicMember);
  const fields = members.filter((m) => m.kind === 'field');
  const attributes = element.attributes ?? [];
  const withAttribute = new Set(attributes.map((a) => a.fieldName).filter(Boolean));

  const lines = [
    startMarker,
    '<!-- Generated from custom-elements.json by `npx tsx scripts/readme-api.ts`: edit the JSDoc in src/metabase-embed.ts, not this block. -->',
    '',
    `## \`${element.tagName ? `<${element.tagName}>` : element.name}\` reference`,
    '',
    ...(element.summary ? [cell(element.summary), ''] : []),
    ...section(
      'Attributes',
      ['Property', 'Attribute', 'Values', 'Default', 'Description'],
      attributes.map((a) => [
        a.fieldName ? code(a.fieldName) : '—',
        code(a.name),
        code(valuesOf(a.type?.text)),
        code(a.default),
        cell(a.description),
      ]),
    ),
    ...section(
      'Properties',
      ['Property', 'Type', 'Default', 'Description'],
      fields
        .filter((f) => !withAttribute.has(f.name))
        .map((f) => [
          code(f.name),
          code(withoutRepeats(f.type?.text)),
          code(f.default),
          cell(`${f.readonly ? '(read-only) ' : ''}${f.description ?? ''}`),
        ]),
      withAttribute.size > 0 ? ['Each attribute above is also a property. These have no attribute:', ''] : [],
    ),
    ...section(
      'Methods',
      ['Method', 'Description'],
      members.filter((m) => m.kind === 'method').map((m) => [code(signature(m)), cell(m.description)]),
    ),
    ...section(
      'Events',
      ['Event', 'Detail', 'Description'],
      uniqueEvents(element.events ?? []).map((e) => [
        code(e.name),
        code(eventDetail(e.type?.text)),
        cell(e.description),
      ]),
      ['All events bubble and cross shadow roots (`composed`).', ''],
    ),
    ...section(
      'Slots',
      ['Slot', 'Description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    ...section(
      'CSS parts',
      ['Part', 'Description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    ...section(
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
  ];
  while (lines.at(-1) === '') lines.pop();
  return [...lines, endMarker].join('\n');
}

/** `page` (the text of docs/element.md) with its API block replaced; throws when the markers are missing or out of order. */
export function replaceApiBlock(page: string, block: string): string {
  const start = page.indexOf(startMarker);
  const end = page.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`${apiPage} needs ${startMarker} followed by ${endMarker}`);
  }
  return page.slice(0, start) + block + page.slice(end + endMarker.length);
}

function main(args: string[]): void {
  const {customElements} = JSON.parse(readFileSync('package.json', 'utf8')) as {customElements?: string};
  const manifestFile = customElements ?? 'custom-elements.json';
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read ${manifestFile} (${reason}); run \`npm run build\` first.`, {cause: error});
  }
  const page = readFileSync(apiPage, 'utf8');
  const updated = replaceApiBlock(page, renderApiBlock(manifest));
  if (args.includes('--check')) {
    if (updated !== page) {
      console.error(`${apiPage}: the element API block is out of date; run \`npx tsx scripts/readme-api.ts\`.`);
      process.exit(1);
    }
    return;
  }
  if (updated !== page) writeFileSync(apiPage, updated);
  console.log(`${apiPage}: element API block ${updated === page ? 'already up to date' : 'rewritten'}.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
