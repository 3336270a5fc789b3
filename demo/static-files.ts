// Files the demo pages load: the built element (dist/), the few packages its ESM build
// imports (through the pages' import map), the stylesheet, and the pages' own scripts,
// written in TypeScript (demo/client/) and transpiled by esbuild on each request (a few ms).
import {readFile} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {transform} from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Packages the element's ESM build imports; nothing else under node_modules is served. */
export const BROWSER_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'iframe-resizer'];

const CONTENT_TYPES: Partial<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface StaticFile {
  body: string | Buffer;
  contentType: string;
}

/** `root` joined with a URL path, or undefined when the path would leave `root`. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const resolved = normalize(join(root, decoded));
  return resolved.startsWith(root.endsWith(sep) ? root : root + sep) ? resolved : undefined;
}

function fileLocation(pathname: string): {path: string; transpile: boolean} | undefined {
  if (pathname.startsWith('/dist/')) {
    const path = resolveInside(join(repoRoot, 'dist'), pathname.slice('/dist/'.length));
    return path === undefined ? undefined : {path, transpile: false};
  }
  if (pathname.startsWith('/node_modules/')) {
    const rest = pathname.slice('/node_modules/'.length);
    const pkg = BROWSER_PACKAGES.find((name) => rest.startsWith(`${name}/`));
    const path =
      pkg === undefined ? undefined : resolveInside(join(repoRoot, 'node_modules', pkg), rest.slice(pkg.length + 1));
    return path === undefined ? undefined : {path, transpile: false};
  }
  const asset = /^\/assets\/([a-z0-9-]+)\.(css|js)$/.exec(pathname);
  if (asset?.[2] === 'css') return {path: join(repoRoot, 'demo', 'public', `${asset[1]}.css`), transpile: false};
  if (asset?.[2] === 'js') return {path: join(repoRoot, 'demo', 'client', `${asset[1]}.ts`), transpile: true};
  return undefined;
}

/** The file a demo page asked for, or undefined when it is not one the demo serves. */
export async function readStaticFile(pathname: string): Promise<StaticFile | undefined> {
  const location = fileLocation(pathname);
  if (!location) return undefined;
  let source: Buffer;
  try {
    source = await readFile(location.path);
  } catch {
    return undefined;
  }
  if (!location.transpile) {
    return {body: source, contentType: CONTENT_TYPES[extname(location.path)] ?? 'application/octet-stream'};
  }
  const {code} = await transform(source.toString('utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcefile: location.path,
  });
  return {body: code, contentType: CONTENT_TYPES['.js'] ?? 'text/javascript'};
}
