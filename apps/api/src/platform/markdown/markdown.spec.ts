import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders the Markdown partners write', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and a [link](https://example.com).\n\n- one\n- two\n\n```js\nlet a = 1;\n```');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer" target="_blank">link</a>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<code class="language-js">');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['an inline svg', '<svg onload="alert(1)"></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
  ])('shows %s as text, never as markup', (_what, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
    expect(html).toContain('&lt;');
  });

  it.each([
    ['javascript:', '[click](javascript:alert(1))'],
    ['JavaScript: with entities', '[click](jav&#x61;script:alert(1))'],
    ['vbscript:', '[click](vbscript:msgbox)'],
    ['data:text/html', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ])('drops %s links', (_what, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
    expect(html).not.toMatch(/<a\b/i);
  });

  it('keeps only https images, without handlers', () => {
    expect(renderMarkdown('![a](https://cdn.example.com/a.png)')).toContain('<img src="https://cdn.example.com/a.png" alt="a" />');
    expect(renderMarkdown('![a](http://cdn.example.com/a.png)')).not.toContain('src="http://');
  });
});
