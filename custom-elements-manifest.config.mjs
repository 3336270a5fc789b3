// `cem analyze` (run by `npm run build`): custom-elements.json from the element's JSDoc and Lit
// decorators. scripts/readme-api.mjs turns it into the README's API block.
export default {
  globs: ['src/metabase-embed.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest ("customElements"); without this the analyzer
  // rewrites package.json whenever its spelling of the path differs.
  packagejson: false,
};
