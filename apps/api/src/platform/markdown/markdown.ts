import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Longest Markdown we render (a listing description, a README, a changelog). */
export const MAX_MARKDOWN_LENGTH = 100_000;

// Raw HTML in the source is shown as text (html: false), and markdown-it's own link check drops
// javascript:, vbscript:, file: and most data: URLs. The sanitiser after it is the second wall:
// whatever the renderer lets through, only these tags, attributes and schemes reach a page.
const renderer = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 's', 'del',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title'], ol: ['start'], th: ['align'], td: ['align'], code: ['class'] },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // Links leave the page for somewhere the partner chose: no referrer, no window handle, no SEO credit.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer', target: '_blank' }) },
  disallowedTagsMode: 'escape',
};

// Rendering costs about 1 ms per KB of source (bench/markdown.js), and every listing view shows a
// description: recently rendered sources are kept, least recently used out first, up to this many
// characters of source in all (the HTML is about as long again).
const CACHE_CHARACTERS = 4_000_000;
const rendered = new Map<string, string>();
let cachedCharacters = 0;

/** Markdown → HTML that is safe to put in a page as it is: no script, no event handlers, no javascript: links. */
export function renderMarkdown(markdown: string): string {
  const source = markdown.slice(0, MAX_MARKDOWN_LENGTH);
  const hit = rendered.get(source);
  if (hit !== undefined) {
    rendered.delete(source);
    rendered.set(source, hit);
    return hit;
  }
  const html = sanitizeHtml(renderer.render(source), SANITISE);
  rendered.set(source, html);
  cachedCharacters += source.length;
  for (const [oldest] of rendered) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    rendered.delete(oldest);
    cachedCharacters -= oldest.length;
  }
  return html;
}
