// Reading README.md the way a person does: a section under its heading, and its code blocks,
// so tests can run what the README shows.

/** From `heading` (a whole line, e.g. "### Install") to the next heading of the same or a higher level. */
export function readmeSection(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" heading`);
  const level = heading.indexOf(' ');
  let inCode = false;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!; // end < lines.length
    if (line.startsWith('```')) inCode = !inCode;
    const match = !inCode && /^(#+) /.exec(line);
    if (match && match[1]!.length <= level) break;
  }
  return lines.slice(start, end).join('\n');
}

/** The contents of the fenced code blocks tagged `language` ('' for untagged ones). */
export function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const pattern = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const [, tag, body] of markdown.matchAll(pattern)) if (tag === language) blocks.push(body!.trimEnd());
  return blocks;
}

/**
 * The code blocks marked `<!-- quickstart:KEY -->` (the comment on the line before the fence),
 * in README order: marked, not found by heading, so they can move to another page or section.
 */
export function markedBlocks(markdown: string, marker: string): Array<{key: string; language: string; body: string}> {
  const pattern = new RegExp(`^<!-- ${marker}:(\\S+) -->\\n\`\`\`(\\w*)\\n([\\s\\S]*?)^\`\`\`$`, 'gm');
  return [...markdown.matchAll(pattern)].map(([, key, language, body]) => ({
    key: key!,
    language: language!,
    body: body!.trimEnd(),
  }));
}
