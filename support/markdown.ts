// The one way tests read the docs (README.md, docs/*.md): by explicit markers, never by
// heading, so text can move to another page or section without breaking a test. A region is
// `<!-- NAME:start -->` … `<!-- NAME:end -->`; a marked code block has an HTML comment on the
// line before its fence (`<!-- quickstart:file=server.mjs -->`, `<!-- from demo/x.ts -->`).
// The convention is in CONTRIBUTING.md#docs-and-markers.
import {readFileSync, readdirSync} from 'node:fs';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {toString} from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type {Nodes} from 'mdast';

const root = new URL('../', import.meta.url);

/** The pages tests read, as paths from the repository root: README.md, then docs/*.md. */
export function docPages(): string[] {
  const pages = readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md'));
  return ['README.md', ...pages.sort().map((name) => `docs/${name}`)];
}

/** A file's text, by its path from the repository root. */
export const readDoc = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in `markdown`, or undefined. */
export function regionIn(markdown: string, name: string): string | undefined {
  const start = markdown.indexOf(`<!-- ${name}:start -->`);
  const end = markdown.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) return undefined;
  return markdown.slice(start + `<!-- ${name}:start -->`.length, end);
}

/** The region `name` on whichever docs page holds it (exactly one must), and that page. */
export function region(name: string): {page: string; text: string} {
  const found = docPages().flatMap((page) => {
    const text = regionIn(readDoc(page), name);
    return text === undefined ? [] : [{page, text}];
  });
  if (found.length !== 1) {
    const where = found.map(({page}) => page).join(', ') || 'none';
    throw new Error(`<!-- ${name}:start --> … <!-- ${name}:end --> must be on one docs page (found: ${where})`);
  }
  return found[0]!; // length 1, checked above
}

export interface CommentedBlock {
  /** The comment's text, e.g. `quickstart:run=install`. */
  comment: string;
  language: string;
  body: string;
}

/** Every fenced code block with an HTML comment on the line before it, in page order. */
export function commentedBlocks(markdown: string): CommentedBlock[] {
  const pattern = /^<!-- (.+?) -->\n```(\w*)\n([\s\S]*?)\n?^```$/gm;
  return [...markdown.matchAll(pattern)].map(([, comment, language, body]) => ({
    comment: comment!,
    language: language!,
    body: body!,
  }));
}

/**
 * The code blocks marked `<!-- name:KEY -->` across the docs pages, with their key: e.g.
 * `markedBlocks('quickstart')` gives the quickstart's steps in order.
 */
export function markedBlocks(name: string): Array<CommentedBlock & {key: string; page: string}> {
  return docPages().flatMap((page) =>
    commentedBlocks(readDoc(page)).flatMap((block) => {
      const key = block.comment.startsWith(`${name}:`) ? block.comment.slice(name.length + 1) : '';
      return key && !/\s/.test(key) ? [{...block, key, page}] : [];
    }),
  );
}

/** The one code block marked `<!-- name:key -->`; throws naming the marker when there is none. */
export function markedBlock(name: string, key: string): CommentedBlock & {page: string} {
  const found = markedBlocks(name).filter((block) => block.key === key);
  if (found.length !== 1) {
    throw new Error(`expected one code block marked <!-- ${name}:${key} --> in the docs, found ${found.length}`);
  }
  return found[0]!; // length 1, checked above
}

/** The contents of the fenced code blocks tagged `language` ('' for untagged ones). */
export function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const pattern = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const [, tag, body] of markdown.matchAll(pattern)) if (tag === language) blocks.push(body!.trimEnd());
  return blocks;
}

/** The anchors a page offers, as GitHub makes them: heading slugs and `<a id="…">`/`name`. */
export function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  walk(fromMarkdown(markdown), (node) => {
    if (node.type === 'heading') found.add(slugger.slug(toString(node)));
    if (node.type === 'html') {
      for (const [, id] of node.value.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(id!);
    }
  });
  return found;
}

/** Every link and image target on a page (inline, reference definitions), with its line. */
export function links(markdown: string): Array<{url: string; line: number}> {
  const found: Array<{url: string; line: number}> = [];
  walk(fromMarkdown(markdown), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      found.push({url: node.url, line: node.position?.start.line ?? 0});
    }
  });
  return found;
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}
