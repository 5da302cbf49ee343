import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import type { MediaRef } from '../listing-details.js';
import { PluginError } from '../plugins.errors.js';

export type ImageType = MediaRef['contentType'];

export interface ImageRules {
  /** How the image is named in messages. */
  what: 'icon' | 'screenshot';
  maxBytes: number;
  width: { min: number; max: number };
  height: { min: number; max: number };
  square?: boolean;
}

const KB = 1024;
export const ICON_RULES: ImageRules = { what: 'icon', maxBytes: 256 * KB, width: { min: 64, max: 1024 }, height: { min: 64, max: 1024 }, square: true };
/** Landscape up to 4K UHD, and phone-shaped portrait screenshots (1080×1920) too. */
export const SCREENSHOT_RULES: ImageRules = { what: 'screenshot', maxBytes: 2 * KB * KB, width: { min: 320, max: 3840 }, height: { min: 200, max: 2160 } };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIZE_TYPES: Record<string, ImageType> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };
/** Markup that has no business in an image: a file carrying it is built to be read as something else. */
const MARKUP = ['<script', '<html', '<svg', '<iframe', '<body', '<!doctype html', '<object', '<embed'];

/**
 * Reads what an uploaded image really is from its bytes (the declared type and file name are
 * ignored): PNG, JPEG or WebP, well-formed to its last byte, within the rules' dimensions.
 * Anything else — GIF, SVG, HTML, a polyglot with bytes hidden after the image — is refused.
 */
export function inspectImage(data: Buffer, rules: ImageRules): Omit<MediaRef, 'sha256'> {
  const contentType = sniff(data);
  if (!contentType) throw invalid(rules, `it is ${describe(data)}, not a PNG, JPEG or WebP image`);
  const structure = structuralProblem(data, contentType);
  if (structure) throw invalid(rules, structure);
  const text = data.toString('latin1').toLowerCase();
  const markup = MARKUP.find((tag) => text.includes(tag));
  if (markup) throw invalid(rules, `it carries markup (${markup}…), which an image never needs`);

  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(data);
  } catch {
    throw invalid(rules, 'its dimensions cannot be read');
  }
  if (SIZE_TYPES[size.type ?? ''] !== contentType) throw invalid(rules, 'its header and its contents disagree about its type');
  // EXIF orientations 5-8 turn the picture a quarter: what people see is height × width.
  const turned = size.orientation !== undefined && size.orientation >= 5;
  const width = turned ? size.height : size.width;
  const height = turned ? size.width : size.height;
  const { width: w, height: h } = rules;
  if (width < w.min || width > w.max || height < h.min || height > h.max) {
    const bounds = rules.square ? `${w.min} to ${w.max} px` : `${w.min} to ${w.max} px wide and ${h.min} to ${h.max} px high`;
    throw invalid(rules, `it is ${width}×${height} px; ${named(rules)} must be ${bounds}`, { width, height });
  }
  if (rules.square && width !== height) throw invalid(rules, `it is ${width}×${height} px; ${named(rules)} must be square`, { width, height });
  return { contentType, width, height, bytes: data.length };
}

/** The type the file's magic bytes announce, if it is one Guild accepts. */
export function sniff(data: Buffer): ImageType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The file ends where its format says it does, so nothing can ride along after the image. */
function structuralProblem(data: Buffer, type: ImageType): string | null {
  if (type === 'image/webp') {
    return data.readUInt32LE(4) + 8 === data.length ? null : 'its RIFF length does not match the file (bytes missing or appended)';
  }
  if (type === 'image/jpeg') {
    return data.length >= 4 && data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9 ? null : 'it does not end with the JPEG end-of-image marker (truncated, or bytes appended)';
  }
  return pngProblem(data);
}

/** Walks the PNG's chunks: IHDR first, every CRC right, IEND the last bytes of the file. */
function pngProblem(data: Buffer): string | null {
  let offset = PNG_SIGNATURE.length;
  let first = true;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > data.length) return `its ${type} chunk runs past the end of the file`;
    if (first && type !== 'IHDR') return 'it does not start with an IHDR chunk';
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== data.readUInt32BE(offset + 8 + length)) return `its ${type} chunk is corrupt (bad CRC)`;
    if (type === 'IEND') return end === data.length ? null : 'it has bytes after its IEND chunk';
    first = false;
    offset = end;
  }
  return 'it has no IEND chunk (truncated)';
}

/** What a refused file looks like, for the message. */
function describe(data: Buffer): string {
  const head = data.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('gif8')) return 'a GIF';
  if (head.startsWith('<?xml') || head.includes('<svg')) return 'an SVG (or other XML)';
  if (head.startsWith('<')) return 'HTML or other markup';
  if (head.startsWith('%pdf')) return 'a PDF';
  if (head.startsWith('bm')) return 'a BMP';
  if (data.length === 0) return 'empty';
  return 'an unknown kind of file';
}

const named = (rules: ImageRules) => (rules.what === 'icon' ? 'an icon' : 'a screenshot');

function invalid(rules: ImageRules, problem: string, extra: Record<string, unknown> = {}): PluginError {
  return new PluginError('MEDIA_INVALID', `The ${rules.what} was refused: ${problem}.`, { field: 'file', problem, ...extra });
}

export function mediaTooLarge(rules: ImageRules): PluginError {
  return new PluginError('MEDIA_TOO_LARGE', `The ${rules.what} is larger than ${rules.maxBytes / KB} KB; make it smaller.`, { field: 'file', maxBytes: rules.maxBytes });
}
