import { gzipSync } from 'node:zlib';

// Tar archives written byte by byte: tar libraries refuse to write most hostile ones (links to
// /etc/passwd, `../` paths, devices, declared sizes that lie), which is what tests need.

export interface RawEntry {
  path: string;
  body?: Buffer | string;
  /** ustar typeflag: '0' file, '1' hard link, '2' symlink, '3' char device, '4' block device, '5' directory, '6' fifo. */
  type?: string;
  linkpath?: string;
  /** Declared size, when it should differ from the body's. */
  size?: number;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

export function ustarHeader({ path, type = '0', linkpath = '', size }: RawEntry & { size: number }): Buffer {
  const block = Buffer.alloc(512);
  block.write(path, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(0, 12), 136);
  block.write(type, 156);
  block.write(linkpath, 157, 100, 'utf8');
  block.write('ustar\u000000', 257);
  block.fill(' ', 148, 156);
  const sum = block.reduce((total, byte) => total + byte, 0);
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function padded(body: Buffer): Buffer {
  return Buffer.concat([body, Buffer.alloc((512 - (body.length % 512)) % 512)]);
}

/** A tar stream of `entries` in order; `end: false` leaves out the two end-of-archive blocks. */
export function rawTar(entries: RawEntry[], { end = true } = {}): Buffer {
  const blocks = entries.flatMap((entry) => {
    const body = Buffer.from(entry.body ?? '');
    return [ustarHeader({ ...entry, size: entry.size ?? body.length }), padded(body)];
  });
  return Buffer.concat([...blocks, end ? Buffer.alloc(1024) : Buffer.alloc(0)]);
}

export const rawTgz = (entries: RawEntry[]): Buffer => gzipSync(rawTar(entries));
