import { MAX_ICON_BYTES } from './package-limits.js';
import { decodeUtf8 } from './utf8.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Signature, then the IHDR chunk: length 13, type, 13 bytes of data, CRC.
const PNG_MIN_BYTES = 8 + 4 + 4 + 13 + 4;

// Not a sanitiser: the portal must still show icons as images (<img>, or served with a CSP that
// forbids scripts). These refuse the obvious ways an SVG runs code or pulls in other documents.
const SVG_FORBIDDEN: [RegExp, string][] = [
  [/<script/i, 'has a <script> element'],
  [/(?:^|[\s"'/])on[a-z]+\s*=/i, 'has an event handler attribute (on…=)'],
  [/javascript\s*:/i, 'has a javascript: URL'],
  [/<foreignObject/i, 'embeds HTML with <foreignObject>'],
  [/<!(?:DOCTYPE|ENTITY)/i, 'has a DOCTYPE or entity declarations'],
];

/** Why `icon.png` or `icon.svg` is not an icon the portal can show, or undefined when it is. */
export function iconProblem(name: string, bytes: number, body: Buffer | undefined): string | undefined {
  if (body === undefined || bytes > MAX_ICON_BYTES) return `is larger than ${MAX_ICON_BYTES / 1024} KiB; use a smaller image (icons are shown at 128 px at most)`;
  return name.endsWith('.png') ? pngProblem(body) : svgProblem(body);
}

function pngProblem(body: Buffer): string | undefined {
  const isPng =
    body.length >= PNG_MIN_BYTES && body.subarray(0, 8).equals(PNG_SIGNATURE) && body.toString('latin1', 12, 16) === 'IHDR';
  return isPng ? undefined : 'is not a PNG image; save it as PNG (an SVG goes in icon.svg)';
}

function svgProblem(body: Buffer): string | undefined {
  const text = decodeUtf8(body);
  if (text === undefined) return 'is not UTF-8 text; save the SVG as UTF-8 (a PNG goes in icon.png)';
  const forbidden = SVG_FORBIDDEN.find(([pattern]) => pattern.test(text));
  if (forbidden) return `${forbidden[1]}; remove it (an icon must be a static image)`;
  const root = rootElementOffset(text);
  const isSvg = root !== undefined && /^<svg[\s/>]/.test(text.slice(root, root + 5));
  return isSvg ? undefined : 'is not an SVG document (its root element must be <svg>)';
}

/** Skips the XML declaration, comments and white space; a DOCTYPE or any other declaration stops it. */
function rootElementOffset(text: string): number | undefined {
  let offset = skipSpace(text, 0);
  if (text.startsWith('<?xml', offset)) offset = skipSpace(text, afterMarker(text, '?>', offset));
  while (offset >= 0 && text.startsWith('<!--', offset)) offset = skipSpace(text, afterMarker(text, '-->', offset + 4));
  return offset < 0 ? undefined : offset;
}

/** Just past the next `marker`, or -1 (which stays -1) when there is none. */
function afterMarker(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

const SPACE = /\s*/y;

function skipSpace(text: string, from: number): number {
  if (from < 0) return from;
  SPACE.lastIndex = from;
  SPACE.exec(text);
  return SPACE.lastIndex;
}
