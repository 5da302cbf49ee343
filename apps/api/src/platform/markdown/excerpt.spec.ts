import { excerpt } from './excerpt.js';

describe('excerpt', () => {
  it('reads Markdown as plain text: no markup, link text kept, code kept, whitespace collapsed', () => {
    expect(excerpt('# Title\n\nSome **bold** and [a link](https://example.com).\n\n```js\nrun();\n```\n\n<b>raw</b>')).toBe('Title Some bold and a link. run(); <b>raw</b>');
  });

  it('cuts at a word boundary with an ellipsis, never past 200 characters', () => {
    const text = excerpt('word '.repeat(100));
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('word…')).toBe(true);
    expect(excerpt('x'.repeat(500))).toHaveLength(200);
    expect(excerpt('short')).toBe('short');
    expect(excerpt('')).toBe('');
  });

  it('never turns raw HTML into markup: it stays text, exactly as written', () => {
    expect(excerpt('Please add **dark** mode & a <script>alert(1)</script> toggle.')).toBe('Please add dark mode & a <script>alert(1)</script> toggle.');
  });
});
