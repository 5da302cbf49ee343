import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '@guild/plugin-manifest';
import { hasErrorCode } from './node-errors.js';
import { readManifest } from './package-contents.js';
import { CHANGELOG_FILE, entryPath, ICON_FILES, LICENSE_FILE, MANIFEST_FILE, README_FILE } from './package-layout.js';
import { PackageError, PackageErrorCode, type PackageIssue } from './package.errors.js';
import { PACKAGE_LIMITS } from './package-limits.js';
import type { PackageFile } from './tarball.js';

type FileRead = { kind: 'file'; body: Buffer } | { kind: 'missing' } | { kind: 'refused'; issue: PackageIssue };

/**
 * Reads exactly the files a package holds from a plugin folder, without following symbolic links
 * anywhere under `root`. Throws `PackageError` with every problem found.
 */
export async function collectPluginFiles(root: string): Promise<{ files: PackageFile[]; manifest: Manifest }> {
  const manifestRead = await readRegularFile(root, MANIFEST_FILE);
  if (manifestRead.kind !== 'file') {
    throw new PackageError([manifestRead.kind === 'refused' ? manifestRead.issue : missing(PackageErrorCode.ManifestMissing, MANIFEST_FILE)]);
  }
  const manifest = parseManifestFile(manifestRead.body);

  const issues: PackageIssue[] = [];
  const files: PackageFile[] = [{ path: MANIFEST_FILE, body: manifestRead.body }];
  const take = async (path: string, missingCode?: PackageErrorCode) => {
    const read = await readRegularFile(root, path);
    if (read.kind === 'file') files.push({ path, body: read.body });
    else if (read.kind === 'refused') issues.push(read.issue);
    else if (missingCode) issues.push(missing(missingCode, path));
    return read.kind === 'file';
  };
  await take(entryPath(manifest.entry), PackageErrorCode.EntryMissing);
  await take(README_FILE, PackageErrorCode.ReadmeMissing);
  const icons = await Promise.all(ICON_FILES.map((icon) => take(icon)));
  if (!icons.includes(true)) issues.push({ code: PackageErrorCode.IconMissing, message: `${ICON_FILES.join(' or ')} is missing` });
  await take(CHANGELOG_FILE);
  await take(LICENSE_FILE);

  if (issues.length) throw new PackageError(issues);
  return { files, manifest };
}

function parseManifestFile(body: Buffer): Manifest {
  const issues: PackageIssue[] = [];
  const manifest = readManifest({ path: MANIFEST_FILE, bytes: body.length, body }, issues);
  if (!manifest) throw new PackageError(issues);
  return manifest;
}

function missing(code: PackageErrorCode, path: string): PackageIssue {
  return { code, message: `${path} is missing`, path };
}

/** `relative` under `root`, refused if it or any folder on the way is a link or not a plain file. */
async function readRegularFile(root: string, relative: string): Promise<FileRead> {
  const refuse = (code: PackageErrorCode, reason: string): FileRead => ({ kind: 'refused', issue: { code, message: `${relative} ${reason}`, path: relative } });
  const segments = relative.split('/');
  let current = root;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    const stats = await lstat(current).catch(ignoreMissing);
    if (!stats) return { kind: 'missing' };
    if (stats.isSymbolicLink()) return refuse(PackageErrorCode.Link, 'is a symbolic link; a package holds real files only');
    const last = index === segments.length - 1;
    if (!last && !stats.isDirectory()) return { kind: 'missing' };
    if (last && !stats.isFile()) return refuse(PackageErrorCode.SpecialFile, 'is not a regular file');
  }
  // O_NOFOLLOW closes the gap between the lstat above and the open (not on Windows, which lacks it).
  const handle = await open(current, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((error: unknown) => {
    if (hasErrorCode(error, 'ELOOP')) return undefined;
    throw error;
  });
  if (!handle) return refuse(PackageErrorCode.Link, 'is a symbolic link; a package holds real files only');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return refuse(PackageErrorCode.SpecialFile, 'is not a regular file');
    if (stats.size > PACKAGE_LIMITS.maxFileBytes) return refuse(PackageErrorCode.FileTooLarge, `is larger than ${PACKAGE_LIMITS.maxFileBytes} bytes`);
    return { kind: 'file', body: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

function ignoreMissing(error: unknown): undefined {
  if (hasErrorCode(error, 'ENOENT') || hasErrorCode(error, 'ENOTDIR')) return undefined;
  throw error;
}
