import { iconProblem } from './icon.js';

const svg = (text: string) => iconProblem('icon.svg', Buffer.byteLength(text), Buffer.from(text));
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('iconProblem: SVG', () => {
  it.each([
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '\uFEFF  <?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<!-- twice -->\n<svg viewBox="0 0 1 1"></svg>',
    '<svg\n  width="16"><text>online = yes</text></svg>',
  ])('accepts %j', (text) => {
    expect(svg(text)).toBeUndefined();
  });

  it.each([
    ['<svg><script href="x.js"/></svg>', 'has a <script> element; remove it (an icon must be a static image)'],
    ['<svg><SCRIPT>alert(1)</SCRIPT></svg>', 'has a <script> element; remove it (an icon must be a static image)'],
    ['<svg/onload=alert(1)>', 'has an event handler attribute (on…=); remove it (an icon must be a static image)'],
    ['<svg><g title=">" onclick="alert(1)"></g></svg>', 'has an event handler attribute (on…=); remove it (an icon must be a static image)'],
    ['<svg><a href=" JavaScript:alert(1)"><rect/></a></svg>', 'has a javascript: URL; remove it (an icon must be a static image)'],
    ['<svg><foreignObject><iframe src="https://evil.example"/></foreignObject></svg>', 'embeds HTML with <foreignObject>; remove it (an icon must be a static image)'],
    ['<!DOCTYPE svg [<!ENTITY lol "lol">]><svg>&lol;</svg>', 'has a DOCTYPE or entity declarations; remove it (an icon must be a static image)'],
    ['<html><svg/></html>', 'is not an SVG document (its root element must be <svg>)'],
    ['<svgx/>', 'is not an SVG document (its root element must be <svg>)'],
    ['<!-- never closed <svg/>', 'is not an SVG document (its root element must be <svg>)'],
    ['<?xml version="1.0" <svg/>', 'is not an SVG document (its root element must be <svg>)'],
    ['plain text', 'is not an SVG document (its root element must be <svg>)'],
  ])('refuses %j', (text, reason) => {
    expect(svg(text)).toBe(reason);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(iconProblem('icon.svg', 3, Buffer.from([0x3c, 0xff, 0x3e]))).toBe('is not UTF-8 text; save the SVG as UTF-8 (a PNG goes in icon.png)');
  });
});

describe('iconProblem: PNG', () => {
  it('accepts a PNG', () => {
    expect(iconProblem('icon.png', png.length, png)).toBeUndefined();
  });

  it('refuses what only starts like one', () => {
    expect(iconProblem('icon.png', 8, png.subarray(0, 8))).toBe('is not a PNG image; save it as PNG (an SVG goes in icon.svg)');
    const noHeader = Buffer.from(png);
    noHeader.write('IDAT', 12);
    expect(iconProblem('icon.png', noHeader.length, noHeader)).toBe('is not a PNG image; save it as PNG (an SVG goes in icon.svg)');
  });

  it('refuses any icon over 256 KiB, read or not', () => {
    expect(iconProblem('icon.png', 300 * 1024, undefined)).toBe('is larger than 256 KiB; use a smaller image (icons are shown at 128 px at most)');
    const big = Buffer.concat([png, Buffer.alloc(256 * 1024)]);
    expect(iconProblem('icon.png', big.length, big)).toBe('is larger than 256 KiB; use a smaller image (icons are shown at 128 px at most)');
  });
});
