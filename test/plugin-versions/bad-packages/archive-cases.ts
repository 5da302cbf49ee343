import { randomBytes } from 'node:crypto';
import { rawTgz } from '../../support/raw-tar.js';
import { pluginEntries, pluginTgz } from '../../support/plugin-packages.js';
import type { BadPackage } from './bad-package.js';

const MiB = 1024 * 1024;
const plugin = (name: string) => ({ name, version: '1.0.0' });
/** The sound package's files with one replaced (by path) or added. */
const withEntry = (name: string, entry: Parameters<typeof rawTgz>[0][number]) => rawTgz([...pluginEntries(plugin(name)).filter((e) => e.path !== entry.path), entry]);

/** Archives that would escape, alias or flood the place they are unpacked to. */
export const ARCHIVE_CASES: BadPackage[] = [
  { name: 'a path that climbs out with ..', code: 'PACKAGE_PATH_TRAVERSAL', status: 422, build: (name) => withEntry(name, { path: 'dist/../../../etc/cron.d/evil', body: '* * * * * root sh' }) },
  { name: 'an absolute path', code: 'PACKAGE_ABSOLUTE_PATH', status: 422, build: (name) => withEntry(name, { path: '/etc/passwd', body: 'root::0:0::/:/bin/sh' }) },
  { name: 'a symbolic link', code: 'PACKAGE_LINK', status: 422, build: (name) => withEntry(name, { path: 'README.md', type: '2', linkpath: '/etc/passwd' }) },
  { name: 'a hard link', code: 'PACKAGE_LINK', status: 422, build: (name) => withEntry(name, { path: 'LICENSE', type: '1', linkpath: 'guild-plugin.json' }) },
  { name: 'a device file', code: 'PACKAGE_SPECIAL_FILE', status: 422, build: (name) => withEntry(name, { path: 'dist/zero', type: '3' }) },
  { name: 'a duplicate entry', code: 'PACKAGE_DUPLICATE_ENTRY', status: 422, build: (name) => rawTgz([...pluginEntries(plugin(name)), { path: 'readme.MD', body: '# Shadow' }]) },
  {
    // 9 MiB of zeros in one file (under the 10 MiB file limit) gzip to about 9 KB: refused while
    // inflating, once the stream passes 100 times the upload's size.
    name: 'a decompression bomb',
    code: 'PACKAGE_COMPRESSION_RATIO',
    status: 422,
    build: (name) => withEntry(name, { path: 'dist/padding.js', body: Buffer.alloc(9 * MiB) }),
  },
  {
    name: '20,000 tiny files',
    code: 'PACKAGE_TOO_MANY_FILES',
    status: 422,
    build: (name) => rawTgz([...pluginEntries(plugin(name)), ...Array.from({ length: 20_000 }, (_, index) => ({ path: `dist/f${index}.js`, body: 'x' }))]),
  },
  { name: 'a package over 5 MiB', code: 'PACKAGE_TOO_LARGE', status: 413, build: (name) => withEntry(name, { path: 'dist/noise.js', body: randomBytes(5 * MiB + 1024) }) },
  { name: 'a file that is not gzip', code: 'PACKAGE_NOT_GZIP', status: 422, build: () => Buffer.from('PK\u0003\u0004 this is a zip archive, not a .tgz') },
  {
    name: 'a truncated archive',
    code: 'PACKAGE_CORRUPT',
    status: 422,
    build: (name) => {
      const whole = pluginTgz(plugin(name), [{ path: 'dist/data.js', body: randomBytes(8000).toString('hex') }]);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
];
