// The <metabase-embed> tag in the page languages of Metabase's own panel (plus plain HTML),
// from the panel's choices. Values the page sets (`param-<slug>`) come from the template's
// data, so each language shows where they would come from. Pure functions.
import {pageValues, tagAttributes, type EmbedChoices} from './embed-panel-choices.js';
import {camelIdentifier, htmlAttribute, identifier, jsKey, quoted, rubyString} from './embed-panel-literals.js';

export type PageLanguage = 'html' | 'erb' | 'jsx' | 'mustache' | 'pug';

export const PAGE_LANGUAGES: ReadonlyArray<{id: PageLanguage; label: string}> = [
  {id: 'html', label: 'HTML'},
  {id: 'erb', label: 'ERB'},
  {id: 'jsx', label: 'JSX'},
  {id: 'mustache', label: 'Mustache'},
  {id: 'pug', label: 'Pug'},
];

/** Attributes with the page's values marked, so each language can bind them its own way. */
function attributes(choices: EmbedChoices) {
  const fromPage = new Set(Object.keys(pageValues(choices)).map((slug) => `param-${slug}`));
  return tagAttributes(choices).map(([name, value]) => ({
    name,
    value,
    slug: fromPage.has(name) ? name.slice(6) : null,
  }));
}

function tag(lines: string[], indent = ''): string {
  return [`${indent}<metabase-embed`, ...lines.map((line) => `${indent}  ${line}`), `${indent}></metabase-embed>`].join(
    '\n',
  );
}

function html(choices: EmbedChoices): string {
  return tag(attributes(choices).map(({name, value}) => htmlAttribute(name, value)));
}

function erb(choices: EmbedChoices): string {
  const values = Object.entries(pageValues(choices));
  const lines = attributes(choices).map(({name, value, slug}) =>
    slug === null ? htmlAttribute(name, value) : `${name}="<%= ${identifier(slug)} %>"`,
  );
  const preamble = values.length
    ? [
        "<%# The page's values, e.g. from the controller (Rails escapes <%= %>; plain ERB needs ERB::Util.h) %>",
        ...values.map(([slug, value]) => `<% ${identifier(slug)} = ${rubyString(value)} %>`),
      ]
    : [];
  return [...preamble, tag(lines)].join('\n');
}

function mustache(choices: EmbedChoices): string {
  const values = pageValues(choices);
  const lines = attributes(choices).map(({name, value, slug}) =>
    slug === null ? htmlAttribute(name, value) : `${name}="{{${identifier(slug)}}}"`,
  );
  const view = Object.fromEntries(Object.entries(values).map(([slug, value]) => [identifier(slug), value]));
  // A "}}" inside the comment would end it early.
  const preamble = Object.keys(view).length ? [`{{! view: ${JSON.stringify(view).replace(/}}/g, '} }')} }}`] : [];
  return [...preamble, tag(lines)].join('\n');
}

function pug(choices: EmbedChoices): string {
  const values = Object.entries(pageValues(choices));
  const lines = attributes(choices).map(({name, value, slug}) =>
    slug === null ? `${name}=${quoted(value)}` : `${name}=${camelIdentifier(slug)}`,
  );
  return [
    ...values.map(([slug, value]) => `- const ${camelIdentifier(slug)} = ${quoted(value)}`),
    ['metabase-embed(', ...lines.map((line) => `  ${line}`), ')'].join('\n'),
  ].join('\n');
}

function jsx(choices: EmbedChoices): string {
  const values = Object.entries(pageValues(choices));
  const props = values.map(([slug, value]) => `${camelIdentifier(slug)} = ${quoted(value)}`).join(', ');
  const lines = attributes(choices).map(({name, value, slug}) => {
    if (slug !== null) return `${name}={${camelIdentifier(slug)}}`;
    if (name === 'initial-params') {
      const entries = Object.entries(JSON.parse(value) as Record<string, string>);
      return `${name}={JSON.stringify({${entries.map(([key, entry]) => `${jsKey(key)}: ${quoted(entry)}`).join(', ')}})}`;
    }
    return /["{}&<>\\]/.test(value) ? `${name}={${quoted(value)}}` : `${name}="${value}"`;
  });
  const component = choices.resource.type === 'dashboard' ? 'MetabaseDashboard' : 'MetabaseQuestion';
  return [
    `export function ${component}(${props ? `{${props}}` : ''}) {`,
    '  return (',
    tag(lines, '    '),
    '  );',
    '}',
  ].join('\n');
}

const GENERATORS: Record<PageLanguage, (choices: EmbedChoices) => string> = {html, erb, jsx, mustache, pug};

export function pageCode(language: PageLanguage, choices: EmbedChoices): string {
  return GENERATORS[language](choices);
}
