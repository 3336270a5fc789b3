// How many bytes of an example's build are the element (the package and what it bundles: Lit's
// reactive element, iframe-resizer), next to the CDN bundle (dist/cdn) that a page without a
// build loads. The bytes are attributed through the build's source maps (`vite build
// --sourcemap`): each span of the minified output counts for the source it came from.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {FlattenMap, decodedMappings, type SourceMapInput} from '@jridgewell/trace-mapping';

/** Sources that are the element when an app bundles it. */
const ELEMENT_SOURCE =
  /node_modules\/(metabase-embed|@lit\/reactive-element|lit|lit-html|lit-element|iframe-resizer)\//;

const gzipBytes = (code: string | Uint8Array) => gzipSync(code, {level: 9}).length;

/** The parts of `code` that its source map attributes to the element's sources. */
function elementSlices(code: string, map: SourceMapInput): string[] {
  // A flat map also for an index map (sections, as Turbopack writes for Next.js).
  const traced = new FlattenMap(map);
  const slices: string[] = [];
  const lines = code.split('\n');
  decodedMappings(traced).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? traced.sources[segment[1]!] : undefined;
      if (source && ELEMENT_SOURCE.test(source)) slices.push(line.slice(segment[0], end));
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

/**
 * The map of a built file: the one its `sourceMappingURL` names, else `<file>.map`; none for
 * a file the bundler wrote without one (Next.js's build manifest, its polyfills).
 */
function mapOf(dir: string, file: string, code: string): SourceMapInput | undefined {
  const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const path = named ? join(dir, dirname(file), named) : join(dir, `${file}.map`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SourceMapInput) : undefined;
}

/**
 * The element's bytes in the JavaScript files under `dir`, through their source maps. A file
 * without a map must not name the element: its bytes could not be told apart.
 */
export function elementBytesInBuild(dir: string): Size {
  const files = readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.js'));
  const slices = files.flatMap((file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    const map = mapOf(dir, file, code);
    if (map) return elementSlices(code, map);
    if (/metabase-embed|iframe-resizer|lit-html/.test(code))
      throw new Error(`${file} has the element but no source map`);
    return [];
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
