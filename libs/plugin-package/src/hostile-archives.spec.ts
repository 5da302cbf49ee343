import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { Pax } from 'tar';
import { rawTar, rawTgz as tgz, ustarHeader, type RawEntry } from '../../../test/support/raw-tar.js';
import { readPackage, type PackageIssue } from './index.js';

async function errorsOf(data: Buffer): Promise<PackageIssue[]> {
  const result = await readPackage(data);
  if (result.ok) throw new Error('expected the package to be refused');
  return result.errors;
}

async function codesOf(data: Buffer): Promise<string[]> {
  return (await errorsOf(data)).map((issue) => issue.code);
}

describe('readPackage: hostile paths', () => {
  it.each([
    ['../evil.js', 'PACKAGE_PATH_TRAVERSAL'],
    ['dist/../../evil.js', 'PACKAGE_PATH_TRAVERSAL'],
    ['..\\evil.js', 'PACKAGE_PATH_TRAVERSAL'],
    ['dist\\..\\..\\evil.js', 'PACKAGE_PATH_TRAVERSAL'],
    ['/etc/passwd', 'PACKAGE_ABSOLUTE_PATH'],
    ['C:\\Windows\\evil.js', 'PACKAGE_ABSOLUTE_PATH'],
    ['c:/evil.js', 'PACKAGE_ABSOLUTE_PATH'],
    ['\\\\server\\share\\evil.js', 'PACKAGE_ABSOLUTE_PATH'],
    ['dist\\index.js', 'PACKAGE_PATH_INVALID'],
    ['dist//index.js', 'PACKAGE_PATH_INVALID'],
    ['.git/config', 'PACKAGE_PATH_INVALID'],
    ['dist/.hidden.js', 'PACKAGE_PATH_INVALID'],
    ['dist/./index.js', 'PACKAGE_PATH_INVALID'],
    ['READ\u001bME.md', 'PACKAGE_PATH_INVALID'],
    ['README\u0085.md', 'PACKAGE_PATH_INVALID'],
  ])('refuses %j with %s', async (path, code) => {
    const errors = await errorsOf(tgz([{ path, body: 'x' }]));
    expect(errors).toEqual([expect.objectContaining({ code })]);
  });

  it('escapes control characters in the path it reports', async () => {
    const [issue] = await errorsOf(tgz([{ path: 'a\u001b[31mb', body: 'x' }]));
    expect(issue.path).toBe('a\\u001b[31mb');
    expect(issue.message).not.toContain('\u001b');
  });

  it('refuses a path that is not UTF-8', async () => {
    const header = ustarHeader({ path: 'README.md', size: 0 });
    header[2] = 0xff; // 'RE\xffDME.md', with the checksum fixed below
    header.fill(' ', 148, 156);
    header.write(`${header.reduce((total, byte) => total + byte, 0).toString(8).padStart(6, '0')}\0 `, 148);
    expect(await codesOf(gzipSync(Buffer.concat([header, Buffer.alloc(1024)])))).toEqual(['PACKAGE_PATH_INVALID']);
  });

  it('reads paths from pax headers and checks them the same way', async () => {
    const pax = new Pax({ path: '../../outside/evil.js' }).encode();
    const data = gzipSync(Buffer.concat([pax, rawTar([{ path: 'innocent.js', body: 'x' }])]));
    expect(await codesOf(data)).toEqual(['PACKAGE_PATH_TRAVERSAL']);
  });

  it('refuses a path longer than the limit', async () => {
    const pax = new Pax({ path: `dist/${'a'.repeat(300)}.js` }).encode();
    const data = gzipSync(Buffer.concat([pax, rawTar([{ path: 'short.js', body: 'x' }])]));
    expect(await errorsOf(data)).toEqual([expect.objectContaining({ code: 'PACKAGE_PATH_INVALID', message: expect.stringContaining('longer than 200 bytes') })]);
    const longerLimit = await readPackage(data, { maxPathLength: 400 });
    expect(longerLimit).toMatchObject({ ok: false, errors: expect.not.arrayContaining([expect.objectContaining({ code: 'PACKAGE_PATH_INVALID' })]) });
  });

  it('refuses an extended header too large to hold in memory', async () => {
    const pax = new Pax({ path: randomBytes(50_000).toString('hex') }).encode();
    expect(await codesOf(gzipSync(Buffer.concat([pax, rawTar([{ path: 'a.js', body: 'x' }])])))).toEqual(['PACKAGE_CORRUPT']);
  });

  it('reports every bad entry, not just the first', async () => {
    const errors = await errorsOf(tgz([{ path: '/abs', body: 'x' }, { path: '../up', body: 'x' }, { path: 'link', type: '2', linkpath: '/etc' }]));
    expect(errors.map((issue) => issue.code)).toEqual(['PACKAGE_ABSOLUTE_PATH', 'PACKAGE_PATH_TRAVERSAL', 'PACKAGE_LINK']);
  });
});

describe('readPackage: entries that are not regular files', () => {
  it.each([
    ['a symbolic link', { path: 'README.md', type: '2', linkpath: '/etc/passwd' }, 'PACKAGE_LINK'],
    ['a hard link', { path: 'README.md', type: '1', linkpath: 'guild-plugin.json' }, 'PACKAGE_LINK'],
    ['a character device', { path: 'dev/zero', type: '3' }, 'PACKAGE_SPECIAL_FILE'],
    ['a block device', { path: 'dev/sda', type: '4' }, 'PACKAGE_SPECIAL_FILE'],
    ['a fifo', { path: 'pipe', type: '6' }, 'PACKAGE_SPECIAL_FILE'],
    ['a sparse file', { path: 'sparse.js', type: 'S' }, 'PACKAGE_SPECIAL_FILE'],
    ['an unknown type', { path: 'odd.js', type: 'Z' }, 'PACKAGE_SPECIAL_FILE'],
  ])('refuses %s', async (_kind, entry: RawEntry, code) => {
    const errors = await errorsOf(tgz([entry]));
    expect(errors).toEqual([expect.objectContaining({ code, path: entry.path })]);
  });

  it('refuses a link even when a pax header calls it a file', async () => {
    // Extractors go by the header's typeflag; so must the check.
    const data = tgz([
      { path: 'PaxHeader/README.md', type: 'x', body: '13 type=File\n' },
      { path: 'README.md', type: '2', linkpath: '/etc/passwd' },
    ]);
    expect(await codesOf(data)).toEqual(['PACKAGE_LINK']);
  });

  it('ignores directory entries', async () => {
    const errors = await errorsOf(tgz([{ path: 'dist/', type: '5' }, { path: './', type: '5' }]));
    expect(errors.map((issue) => issue.code)).toEqual(['PACKAGE_MANIFEST_MISSING', 'PACKAGE_README_MISSING', 'PACKAGE_ICON_MISSING']);
  });
});

describe('readPackage: duplicate entries', () => {
  it.each([
    ['the same path', 'README.md', 'README.md'],
    ['paths that differ in case', 'README.md', 'readme.MD'],
    ['paths that differ by "./"', 'README.md', './README.md'],
    ['paths that differ in Unicode normalisation', 'caf\u00e9.md', 'cafe\u0301.md'],
  ])('refuses %s twice', async (_kind, first, second) => {
    const errors = await errorsOf(tgz([{ path: first, body: 'one' }, { path: second, body: 'two' }]));
    expect(errors).toEqual([expect.objectContaining({ code: 'PACKAGE_DUPLICATE_ENTRY' })]);
  });
});

describe('readPackage: not a package', () => {
  it('refuses what is not gzip', async () => {
    expect(await codesOf(rawTar([{ path: 'README.md', body: 'x' }]))).toEqual(['PACKAGE_NOT_GZIP']);
    expect(await codesOf(Buffer.from('PK\u0003\u0004 a zip file'))).toEqual(['PACKAGE_NOT_GZIP']);
    expect(await codesOf(Buffer.alloc(0))).toEqual(['PACKAGE_NOT_GZIP']);
  });

  it('refuses gzip that does not hold a tar', async () => {
    expect(await codesOf(gzipSync('just some text, not a tar archive'.repeat(40)))).toEqual(['PACKAGE_CORRUPT']);
    expect(await codesOf(gzipSync(Buffer.alloc(0)))).toEqual(['PACKAGE_CORRUPT']);
  });

  it('refuses a truncated gzip stream', async () => {
    const whole = tgz([{ path: 'README.md', body: randomBytes(4000).toString('hex') }]);
    expect(await codesOf(whole.subarray(0, whole.length / 2))).toEqual(['PACKAGE_CORRUPT']);
  });

  it('refuses a tar cut off in the middle of a file', async () => {
    const tar = rawTar([{ path: 'README.md', body: 'x'.repeat(2000) }], { end: false });
    expect(await codesOf(gzipSync(tar.subarray(0, 1024)))).toEqual(['PACKAGE_CORRUPT']);
  });

  it('refuses a header with a bad checksum', async () => {
    const tar = rawTar([{ path: 'README.md', body: 'x' }]);
    tar[0] = 'X'.charCodeAt(0);
    expect(await codesOf(gzipSync(tar))).toEqual(['PACKAGE_CORRUPT']);
  });

  it('refuses a tar compressed twice', async () => {
    expect(await codesOf(gzipSync(tgz([{ path: 'README.md', body: 'x' }])))).toEqual(['PACKAGE_CORRUPT']);
  });
});

describe('readPackage: size limits', () => {
  it('refuses a package larger than the compressed limit without reading it', async () => {
    const data = tgz([{ path: 'README.md', body: randomBytes(2048) }]);
    const result = await readPackage(data, { maxCompressedBytes: 1024 });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'PACKAGE_TOO_LARGE' })] });
  });

  it('refuses a file larger than the file limit from its header, before reading its body', async () => {
    // Declares 1 GiB but carries nothing: the header alone is enough to refuse.
    const data = tgz([{ path: 'dist/index.js', size: 1024 ** 3 }]);
    expect(await errorsOf(data)).toEqual([expect.objectContaining({ code: 'PACKAGE_FILE_TOO_LARGE', path: 'dist/index.js' })]);
  });

  it('refuses a package that unpacks to more than the total limit', async () => {
    const files = [1, 2, 3].map((n) => ({ path: `part-${n}.js`, body: randomBytes(400 * 1024) }));
    const result = await readPackage(tgz(files), { maxUncompressedBytes: 1024 * 1024 });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'PACKAGE_UNCOMPRESSED_TOO_LARGE' }] });
  });

  it('refuses a 200 MiB bomb of zeros quickly, without inflating it', async () => {
    const bomb = await gzipStream(zeros(200 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(400 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const codes = await codesOf(bomb);
    expect(['PACKAGE_COMPRESSION_RATIO', 'PACKAGE_UNCOMPRESSED_TOO_LARGE']).toContain(codes[0]);
    expect(codes).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a bomb inside a file as soon as the ratio is passed', async () => {
    const tar = rawTar([{ path: 'dist/index.js', body: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(await codesOf(gzipSync(tar, { level: 9 }))).toEqual(['PACKAGE_COMPRESSION_RATIO']);
  });

  it('refuses 20,000 tiny files once past the file count', async () => {
    const entries = Array.from({ length: 20_000 }, (_, index) => ({ path: `f${index}.js`, body: 'x' }));
    expect(await codesOf(tgz(entries))).toEqual(['PACKAGE_TOO_MANY_FILES']);
  });

  it('counts every kind of entry, and honours a lower limit', async () => {
    const entries = Array.from({ length: 6 }, (_, index) => ({ path: `d${index}/`, type: '5' }));
    const result = await readPackage(tgz(entries), { maxFiles: 5 });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'PACKAGE_TOO_MANY_FILES' }] });
  });
});

function* zeros(total: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < total; written += chunk.length) yield chunk;
}

async function gzipStream(chunks: Iterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of Readable.from(chunks).pipe(createGzip({ level: 9 }))) parts.push(part);
  return Buffer.concat(parts);
}
