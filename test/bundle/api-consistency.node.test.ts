// The element's documented API (custom-elements.json, from its JSDoc) against its code and against
// the public API that issue 2 defines: attributes ↔ properties, events ↔ HTMLElementEventMap.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {resolve} from 'node:path';
import ts from 'typescript';
import * as api from '../../scripts/readme-api.js';
import {attributeName, attributeRows} from '../../src/embed/attributes.js';
import {readManifest} from './manifest.js';

const element = api.elementDeclaration(readManifest());
const members = (element.members ?? []).filter((member) => api.isPublicMember(member));
const fields = new Map(members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
const attributes = element.attributes ?? [];
const events = api.uniqueEvents(element.events ?? []);
/** `param-<slug>`: a family of attributes, documented once, with no property of its own. */
const isPattern = (name: string) => /<[\w-]+>/.test(name);
/** Global HTML attributes the element gives a meaning to; HTMLElement already has their property. */
const nativeAttributes = new Set(['title']);
const hasOwnProperty = (name: string) => !isPattern(name) && !nativeAttributes.has(name);

/**
 * The global HTMLElementEventMap as TypeScript users see it once they import the package root
 * (inherited members included): event name → its type, e.g. `CustomEvent<MetabaseEmbedLoadDetail>`.
 */
function typedEventMap(): Map<string, string> {
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile('tsconfig.json', (path) => ts.sys.readFile(path)).config,
    ts.sys,
    '.',
  );
  const program = ts.createProgram([resolve('src/define.ts')], {...config.options, noEmit: true, types: []});
  const checker = program.getTypeChecker();
  const map = new Map<string, string>();
  for (const file of program.getSourceFiles().filter((f) => !f.isDeclarationFile && f.fileName.includes('/src/'))) {
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
        for (const property of checker.getTypeAtLocation(node).getProperties()) {
          map.set(property.name, checker.typeToString(checker.getTypeOfSymbolAtLocation(property, node)));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return map;
}

describe('element API consistency', () => {
  test('the manifest names the tag <metabase-embed>', () => {
    assert.equal(element.tagName, 'metabase-embed', 'add `@tagname metabase-embed` to the class JSDoc');
  });

  test('every attribute (but param-<slug> and title) maps to a documented public property of the same name', () => {
    for (const attribute of attributes.filter((a) => hasOwnProperty(a.name))) {
      assert.ok(attribute.fieldName, `attribute "${attribute.name}" has no property`);
      const field = fields.get(attribute.fieldName);
      assert.ok(
        field,
        `attribute "${attribute.name}" maps to "${attribute.fieldName}", which is not a public property`,
      );
      assert.equal(field.attribute, attribute.name);
      assert.ok(field.description?.trim(), `property "${field.name}" (attribute "${attribute.name}") has no JSDoc`);
    }
  });

  test('every property with an attribute is listed among the attributes', () => {
    const listed = new Set(attributes.map((a) => a.name));
    for (const field of fields.values()) {
      if (field.attribute)
        assert.ok(
          listed.has(field.attribute),
          `property "${field.name}" has attribute "${field.attribute}" but it is not listed`,
        );
    }
  });

  test('every public property and method has a one-line JSDoc; attribute families and native attributes are described', () => {
    for (const member of members) assert.ok(member.description?.trim(), `${member.kind} "${member.name}" has no JSDoc`);
    for (const attribute of attributes.filter((a) => !hasOwnProperty(a.name))) {
      assert.ok(attribute.description?.trim(), `attribute "${attribute.name}" has no description`);
    }
  });

  test('every event is typed in HTMLElementEventMap as documented, and every metabase-embed-* entry there is documented', () => {
    const declared = typedEventMap();
    for (const event of events) {
      assert.ok(declared.has(event.name), `event "${event.name}" is not declared in HTMLElementEventMap`);
      assert.equal(
        declared.get(event.name),
        event.type?.text,
        `event "${event.name}": HTMLElementEventMap and @fires disagree on its type`,
      );
    }
    const documented = new Set(events.map((e) => e.name));
    for (const name of declared.keys()) {
      if (name.startsWith('metabase-embed'))
        assert.ok(documented.has(name), `HTMLElementEventMap declares "${name}" but no @fires documents it`);
    }
  });

  test('every event is named metabase-embed-<verb>, documented, with its detail type', () => {
    for (const event of events) {
      assert.match(event.name, /^metabase-embed-[a-z]+$/);
      assert.ok(event.description?.trim(), `event "${event.name}" has no description`);
      assert.match(
        event.type?.text ?? '',
        /^CustomEvent<.+>$/s,
        `event "${event.name}" has no CustomEvent<Detail> type in its @fires`,
      );
    }
  });

  test('the public API of issue 2 (every row of the attribute table) is all documented', () => {
    const missing = (kind: string, wanted: string[], present: Iterable<string>) => {
      const have = new Set(present);
      return wanted.filter((name) => !have.has(name)).map((name) => `${kind} ${name}`);
    };
    const gaps = [
      ...missing(
        'attribute',
        attributeRows.filter(([, row]) => row.attribute !== false).map(([name]) => attributeName(name)),
        attributes.map((a) => a.name),
      ),
      ...(attributes.some((a) => a.name.startsWith('param-') && isPattern(a.name)) ? [] : ['attribute param-<slug>']),
      ...missing('property', ['fetchToken', 'params', 'frameParams', 'state', 'expiresAt'], fields.keys()),
      ...missing(
        'method',
        ['reload'],
        members.filter((m) => m.kind === 'method').map((m) => m.name),
      ),
      ...missing(
        'event',
        [
          'metabase-embed-token',
          'metabase-embed-load',
          'metabase-embed-resize',
          'metabase-embed-location',
          'metabase-embed-error',
        ],
        events.map((e) => e.name),
      ),
      ...missing(
        'slot',
        ['loading', 'error'],
        (element.slots ?? []).map((s) => s.name),
      ),
    ];
    assert.deepEqual(gaps, [], 'custom-elements.json lacks these (add them to the JSDoc of src/metabase-embed.ts)');
    assert.ok(
      (element.cssParts ?? []).length >= 3,
      'CSS parts for the iframe and the loading and error states are not documented',
    );
  });
});
