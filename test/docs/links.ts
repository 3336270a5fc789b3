// Finds the relative links and #anchors of a markdown page that lead nowhere: a missing file,
// or an anchor the target page does not offer (GitHub's heading slugs, `<a id>`). Used on the
// repository's pages (test/docs/links.node.test.ts) and on the installed package's
// (test/bundle/package.node.test.ts).
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {anchors, links} from '../../support/markdown.js';

/** Whether a link leaves the repository: a scheme (`https:`, `mailto:`) or a protocol-relative URL. */
export const isAbsolute = (url: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//');

/** `page` (a path under `baseDir`) and its relative link targets, resolved to paths under `baseDir`. */
export function relativeTargets(
  baseDir: string,
  page: string,
): Array<{url: string; line: number; file: string; anchor: string}> {
  const markdown = readFileSync(join(baseDir, page), 'utf8');
  return links(markdown)
    .filter(({url}) => !isAbsolute(url))
    .map(({url, line}) => {
      const [path = '', anchor = ''] = url.split('#');
      const file = path === '' ? page : relative(baseDir, join(baseDir, dirname(page), decodeURIComponent(path)));
      return {url, line, file, anchor: decodeURIComponent(anchor)};
    });
}

/** `page:line: url (why)` for each relative link of `page` that leads nowhere. */
export function brokenLinks(baseDir: string, page: string): string[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let found = anchorCache.get(file);
    if (!found) anchorCache.set(file, (found = anchors(readFileSync(join(baseDir, file), 'utf8'))));
    return found;
  };
  return relativeTargets(baseDir, page).flatMap(({url, line, file, anchor}) => {
    if (file.startsWith('..')) return [`${page}:${line}: ${url} (outside the tree)`];
    if (!existsSync(join(baseDir, file))) return [`${page}:${line}: ${url} (no file ${file})`];
    if (anchor && file.endsWith('.md') && !anchorsOf(file).has(anchor)) {
      return [`${page}:${line}: ${url} (${file} has no anchor #${anchor})`];
    }
    return [];
  });
}
