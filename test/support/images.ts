import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A valid PNG of the given size (truecolour, one filter byte per row) in one colour; `noise` makes
 * it incompressible, `trailing` appends bytes after its end.
 */
export function png(width: number, height: number, options: { rgb?: [number, number, number]; noise?: boolean; trailing?: Buffer } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const row = width * 3 + 1;
  const { rgb = [0x5a, 0x5a, 0x5a] } = options;
  const pixels = options.noise ? randomBytes(row * height) : Buffer.alloc(row * height).map((_, i) => rgb[((i % row) + 2) % 3]);
  for (let y = 0; y < height; y += 1) pixels[y * row] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
    options.trailing ?? Buffer.alloc(0),
  ]);
}
