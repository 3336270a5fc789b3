// How many bytes of an example's build are the element (the package and what it bundles: Lit's
// reactive element, iframe-resizer), next to the CDN bundle (dist/cdn) that a page without a
// build loads. The bytes are attributed through the build's source maps (`vite build
// --sourcemap`): each span of the minified output counts for the source it came from.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';

/** Sources that are the element when an app bundles it. */
const ELEMENT_SOURCE =
  /node_modules\/(metabase-embed|@lit\/reactive-element|lit|lit-html|lit-element|iframe-resizer)\//;

const gzipBytes = (code: string | Uint8Array) => gzipSync(code, {level: 9}).length;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One segment's fields (Base64 VLQ, as source maps v3 write them). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The parts of `code` that its source map attributes to the element's sources. */
function elementSlices(code: string, map: {sources: string[]; mappings: string}): string[] {
  const slices: string[] = [];
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((mapped, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const starts: Array<[number, number | undefined]> = [];
    for (const segment of mapped.split(',').filter(Boolean)) {
      const fields = decodeSegment(segment);
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      starts.push([column, fields.length > 1 ? source : undefined]);
    }
    starts.forEach(([start, from], i) => {
      const end = starts[i + 1]?.[0] ?? line.length;
      if (from !== undefined && ELEMENT_SOURCE.test(map.sources[from] ?? '')) slices.push(line.slice(start, end));
    });
  });
  return slices;
}

export interface Size {
  /** Minified bytes. */
  bytes: number;
  /** gzip -9 of those bytes taken together. */
  gzip: number;
}

/** The element's bytes in the JavaScript files (with their .map beside them) under `dir`. */
export function elementBytesInBuild(dir: string): Size {
  const files = readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.js'));
  const slices = files.flatMap((file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as {sources: string[]; mappings: string};
    return elementSlices(code, map);
  });
  const code = Buffer.from(slices.join(''));
  return {bytes: code.length, gzip: gzipBytes(code)};
}

/** A file's size, minified as it is, and gzip -9. */
export function fileSize(file: string): Size {
  const code = readFileSync(file);
  return {bytes: code.length, gzip: gzipBytes(code)};
}

const format = ({bytes, gzip}: Size) => `${bytes.toLocaleString('en-US')} B (gzip ${gzip.toLocaleString('en-US')} B)`;

/** Prints the line the report reads: the element as the app ships it, next to the CDN bundle. */
export function reportSizes(example: string, {element, cdn}: {element: Size; cdn: Size}): void {
  console.log(`# ${example}: the element in the app's build ${format(element)}; the CDN bundle ${format(cdn)}`);
}

/** The element's bytes in the build an app in `dir()` wrote to `buildDir`, and the CDN bundle's it installed. */
export function sizesInBuild(dir: () => string, buildDir: string): {elementSize(): Size; cdnSize(): Size} {
  return {
    elementSize: () => elementBytesInBuild(join(dir(), buildDir)),
    cdnSize: () => fileSize(join(dir(), 'node_modules/metabase-embed/dist/cdn/metabase-embed.js')),
  };
}
