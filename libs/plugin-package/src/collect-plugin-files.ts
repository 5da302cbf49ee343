import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { hasErrorCode } from './node-errors.js';
import { manifestMissing, readManifest } from './package-contents.js';
import { allowedPaths, MANIFEST_FILE } from './package-layout.js';
import { PackageError, PackageErrorCode, type PackageIssue } from './package.errors.js';
import { PACKAGE_LIMITS } from './package-limits.js';
import type { PackageFile } from './tarball.js';

type FileRead = { kind: 'file'; body: Buffer } | { kind: 'missing' } | { kind: 'refused'; issue: PackageIssue };

/**
 * Reads the files a package may hold from a plugin folder (the manifest's entry too, when the
 * manifest parses), without following symbolic links anywhere under `root`. A missing file is
 * left out, not reported: `packPlugin` reads its tarball back with `readPackage`, which reports
 * it as the server would. Throws `PackageError` with every link, special or oversized file.
 */
export async function collectPluginFiles(root: string): Promise<PackageFile[]> {
  const manifest = await readRegularFile(root, MANIFEST_FILE);
  // Nothing else can be judged without it (and a folder without any package file would pack to an empty, corrupt tar).
  if (manifest.kind === 'missing') throw new PackageError([manifestMissing()]);
  const entry = manifest.kind === 'file' ? readManifest({ path: MANIFEST_FILE, bytes: manifest.body.length, body: manifest.body }, [])?.entry : undefined;

  const files: PackageFile[] = [];
  const issues: PackageIssue[] = [];
  for (const path of allowedPaths(entry)) {
    const read = path === MANIFEST_FILE ? manifest : await readRegularFile(root, path);
    if (read.kind === 'file') files.push({ path, body: read.body });
    else if (read.kind === 'refused') issues.push(read.issue);
  }
  if (issues.length) throw new PackageError(issues);
  return files;
}

/** `relative` under `root`, refused if it or any folder on the way is a link or not a plain file. */
async function readRegularFile(root: string, relative: string): Promise<FileRead> {
  const refuse = (code: PackageErrorCode, reason: string): FileRead => ({ kind: 'refused', issue: { code, message: `${relative} ${reason}`, path: relative } });
  const refuseLink = () => refuse(PackageErrorCode.Link, 'is a symbolic link; put the file itself there (a package holds real files only)');
  const refuseSpecial = () => refuse(PackageErrorCode.SpecialFile, 'is not a regular file; replace it with one');
  const segments = relative.split('/');
  let current = root;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    const stats = await lstat(current).catch(ignoreMissing);
    if (!stats) return { kind: 'missing' };
    if (stats.isSymbolicLink()) return refuseLink();
    const last = index === segments.length - 1;
    if (!last && !stats.isDirectory()) return { kind: 'missing' };
    if (last && !stats.isFile()) return refuseSpecial();
  }
  // O_NOFOLLOW closes the gap between the lstat above and the open (not on Windows, which lacks it).
  const handle = await open(current, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((error: unknown) => {
    if (hasErrorCode(error, 'ELOOP')) return undefined;
    throw error;
  });
  if (!handle) return refuseLink();
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return refuseSpecial();
    if (stats.size > PACKAGE_LIMITS.maxFileBytes) return refuse(PackageErrorCode.FileTooLarge, `is larger than ${PACKAGE_LIMITS.maxFileBytes} bytes; make it smaller`);
    return { kind: 'file', body: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

function ignoreMissing(error: unknown): undefined {
  if (hasErrorCode(error, 'ENOENT') || hasErrorCode(error, 'ENOTDIR')) return undefined;
  throw error;
}
