import { Header, Pack, ReadEntry } from 'tar';
import { compareText } from './compare-text.js';

/** A file to pack, by its path inside the package. */
export interface PackageFile {
  path: string;
  body: Buffer;
}

/** npm's choice of fixed date: a zero mtime upsets some unpackers and zip tools. */
export const PACKAGE_MTIME = new Date('1985-10-26T08:15:00.000Z');

/**
 * A reproducible .tgz of `files`: sorted, mode 0644, fixed mtime, no owners (`portable`, which
 * also writes the same gzip header on every OS). Entries are handed to node-tar as in-memory
 * entries, so nothing is read from disk again after the files were checked.
 */
export async function buildTarball(files: PackageFile[]): Promise<Buffer> {
  const pack = new Pack({ portable: true, mtime: PACKAGE_MTIME, gzip: { level: 9 }, strict: true });
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path));
  for (const { path, body } of sorted) {
    const entry = new ReadEntry(new Header({ path, type: 'File', size: body.length, mode: 0o644, mtime: PACKAGE_MTIME }));
    pack.add(entry);
    entry.end(body);
  }
  pack.end();
  return pack.concat();
}
