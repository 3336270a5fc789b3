// The CDN block of docs/frameworks.md: the bundles' sizes (production and development forms)
// and the production bundles' <script> tags with the Subresource Integrity hash (sha384) of
// the files in dist/cdn/ as built. Both change with every build of the element, so they are
// written here, not by hand:
//
//   npm run sri                         build, then print the two tags and all four hashes
//   npx tsx scripts/cdn-snippets.ts --write   rewrite the block between the markers in docs/frameworks.md
//
// test/bundle/readme-cdn.node.test.ts fails when the page's block no longer matches the
// built files (any change to the element changes the hash); it names the command to run.
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

export const startMarker = '<!-- cdn-snippets:start -->';
export const endMarker = '<!-- cdn-snippets:end -->';
/** The page that holds the block. */
export const cdnPage = 'docs/frameworks.md';

/** Where the docs say the package's files will be served from, once published. */
export const cdnBase = (version: string): string => `https://cdn.jsdelivr.net/npm/metabase-embed@${version}/dist/cdn`;

/** Reads a file's bytes (readFileSync, or a stand-in in tests). */
type ReadBytes = (file: string) => Uint8Array;

export const bundles = {module: 'dist/cdn/metabase-embed.js', classic: 'dist/cdn/metabase-embed.iife.js'};
/** The same in development form: with the console warnings about attribute values (src/dev-mode.ts). */
export const devBundles = {module: 'dist/cdn/metabase-embed.dev.js', classic: 'dist/cdn/metabase-embed.dev.iife.js'};

/** The value of an `integrity` attribute for these bytes. */
export function sriHash(bytes: Uint8Array | string): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The two tags, for files at `base` with these hashes. */
export function scriptTags({
  base,
  moduleHash,
  classicHash,
}: {
  base: string;
  moduleHash: string;
  classicHash: string;
}): string {
  return [
    '<!-- the ES module: one request, no globals -->',
    `<script type="module" src="${base}/metabase-embed.js"`,
    `        integrity="${moduleHash}" crossorigin="anonymous"></script>`,
    '<!-- or the classic script: also sets window.MetabaseEmbed -->',
    `<script src="${base}/metabase-embed.iife.js" defer`,
    `        integrity="${classicHash}" crossorigin="anonymous"></script>`,
  ].join('\n');
}

/** The tags for the built files in dist/cdn/, addressed on the CDN at `version`. */
export function builtScriptTags(version: string, read: ReadBytes = readFileSync): string {
  return scriptTags({
    base: cdnBase(version),
    moduleHash: sriHash(read(bundles.module)),
    classicHash: sriHash(read(bundles.classic)),
  });
}

const formatBytes = (bytes: number) => bytes.toLocaleString('en-US');

/** The sizes table of the built bundles: raw and gzip -9 (as CDNs serve them). */
export function sizesTable(read: ReadBytes = readFileSync): string {
  const row = (file: string, kind: string) => {
    const bytes = read(file);
    return `| \`${file}\` | ${kind} | ${formatBytes(bytes.length)} B | ${formatBytes(gzipSync(bytes, {level: 9}).length)} B |`;
  };
  return [
    '| file | kind | minified | gzip -9 |',
    '| --- | --- | --- | --- |',
    row(bundles.module, 'ES module; exports what the package root exports'),
    row(bundles.classic, 'classic script; puts the exports on `window.MetabaseEmbed`'),
    row(devBundles.module, 'the ES module, development form'),
    row(devBundles.classic, 'the classic script, development form'),
  ].join('\n');
}

export function renderBlock(tags: string, sizes: string): string {
  return [
    startMarker,
    '<!-- Written by `npx tsx scripts/cdn-snippets.ts --write` from the built files: do not edit. -->',
    sizes,
    '',
    '```html',
    tags,
    '```',
    endMarker,
  ].join('\n');
}

/** `page` (the text of docs/frameworks.md) with its CDN block replaced. */
export function replaceBlock(page: string, block: string): string {
  const start = page.indexOf(startMarker);
  const end = page.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`${cdnPage} needs ${startMarker} … ${endMarker}`);
  return page.slice(0, start) + block + page.slice(end + endMarker.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {version} = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string};
  const tags = builtScriptTags(version);
  if (process.argv.includes('--write')) {
    writeFileSync(cdnPage, replaceBlock(readFileSync(cdnPage, 'utf8'), renderBlock(tags, sizesTable())));
    console.log(`${cdnPage}: CDN snippets updated`);
  } else {
    console.log(`${tags}\n\n${sizesTable()}\n`);
    for (const file of [...Object.values(bundles), ...Object.values(devBundles)])
      console.log(`${file}: ${sriHash(readFileSync(file))}`);
  }
}
