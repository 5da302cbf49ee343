import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: false, linkify: false });
export const EXCERPT_LENGTH = 200;

/** The start of a Markdown body as plain text (what it reads as, without markup), at most 200 characters. */
export function excerpt(markdown: string, length = EXCERPT_LENGTH): string {
  const words: string[] = [];
  let size = 0;
  for (const token of parser.parse(markdown.slice(0, length * 20), {})) {
    const pieces = token.type === 'inline' ? (token.children ?? []).map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content)) : token.type === 'fence' || token.type === 'code_block' ? [token.content] : [];
    for (const piece of pieces) {
      words.push(piece);
      size += piece.length;
    }
    words.push(' ');
    if (size > length) break;
  }
  const text = words.join('').replace(/\s+/g, ' ').trim();
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
