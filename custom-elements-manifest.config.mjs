// `cem analyze` (run by `npm run build`): custom-elements.json from the element's JSDoc and Lit
// decorators. scripts/readme-api.ts turns it into the API block of docs/element.md.

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

export default {
  globs: ['src/metabase-embed.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); without this the analyzer
  // rewrites package.json whenever its spelling of the path differs.
  packagejson: false,
  plugins: [dropEventsNamedAfterVariables()],
};
