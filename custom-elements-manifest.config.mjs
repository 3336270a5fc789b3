// `cem analyze` (run by `npm run build`): custom-elements.json from the element's JSDoc and
// the attribute table. scripts/readme-api.ts turns it into the API block of docs/element.md.
import ts from 'typescript';

/**
 * The analyzer lists `this.dispatchEvent(new CustomEvent(type, …))` as an event named after the
 * variable (`type`). Events dispatched through such a helper are documented with `@fires`, so
 * drop those phantom entries.
 */
function dropEventsNamedAfterVariables() {
  const variableNames = new Set();
  return {
    name: 'drop-events-named-after-variables',
    analyzePhase({ts, node}) {
      const isDispatch =
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'dispatchEvent';
      if (!isDispatch) return;
      for (const argument of node.arguments) {
        const name = ts.isNewExpression(argument) ? argument.arguments?.[0] : undefined;
        if (name && ts.isIdentifier(name)) variableNames.add(name.text);
      }
    },
    moduleLinkPhase({moduleDoc}) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (!declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.description || !variableNames.has(event.name));
      }
    },
  };
}

/**
 * The element's declared properties and attributes come from src/embed/attributes.ts,
 * which the analyzer cannot read through `static get properties()`: each row becomes a field
 * and (unless it has none) an attribute, with the type and JSDoc TypeScript gives the class's
 * property, and its rule's fallback as the default. Reads the table as built (dist/, which
 * `npm run build` writes before it runs the analyzer).
 */
// Imported here: the analyzer does not wait for a plugin's promise.
const {attributeRows, attributeName} = await import(new URL('./dist/embed/attributes.js', import.meta.url).href);

function attributesFromTable() {
  return {
    name: 'attributes-from-table',
    packageLinkPhase({customElementsManifest}) {
      const config = ts.getParsedCommandLineOfConfigFile(
        'tsconfig.build.json',
        {},
        {...ts.sys, onUnRecoverableConfigFileDiagnostic() {}},
      );
      const program = ts.createProgram(['src/metabase-embed.ts'], {...config.options, noEmit: true});
      const checker = program.getTypeChecker();
      const source = program.getSourceFile('src/metabase-embed.ts');
      const classNode = source.statements.find(
        (node) => ts.isClassDeclaration(node) && node.name?.text === 'MetabaseEmbedElement',
      );
      const classType = checker.getTypeAtLocation(classNode);
      const fields = [];
      const attributes = [];
      for (const [name, row] of attributeRows) {
        const symbol = classType.getProperty(name);
        // Named as users import them (`FetchToken`), not by the path of the file declaring them.
        const text = checker.typeToString(
          checker.getTypeOfSymbol(symbol),
          classNode,
          ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
        );
        const type = {text: text.replace(/import\("[^"]*"\)\./g, '')};
        const description = ts.displayPartsToString(symbol.getDocumentationComment(checker));
        const fallback = row.rule?.fallback;
        const defaultText =
          fallback === undefined ? {} : {default: typeof fallback === 'string' ? `'${fallback}'` : String(fallback)};
        const attribute = row.attribute === false ? undefined : attributeName(name);
        fields.push({kind: 'field', name, type, description, ...(attribute && {attribute}), ...defaultText});
        if (attribute) attributes.push({name: attribute, type, description, fieldName: name, ...defaultText});
      }
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? []) {
          if (declaration.name !== 'MetabaseEmbedElement') continue;
          declaration.members = [...fields, ...(declaration.members ?? [])];
          declaration.attributes = [...(declaration.attributes ?? []), ...attributes];
        }
    },
  };
}

export default {
  globs: ['src/metabase-embed.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); without this the analyzer
  // rewrites package.json whenever its spelling of the path differs.
  packagejson: false,
  plugins: [dropEventsNamedAfterVariables(), attributesFromTable()],
};
