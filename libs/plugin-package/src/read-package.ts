import { createHash } from 'node:crypto';
import type { Manifest } from '@guild/plugin-manifest';
import { compareText } from './compare-text.js';
import { checkContents } from './package-contents.js';
import { PackageErrorCode, type PackageIssue } from './package.errors.js';
import { resolveLimits, type PackageLimits } from './package-limits.js';
import { summariseManifest, type PackageReport } from './package-report.js';
import { readArchive } from './read-archive.js';

export type ReadPackageResult =
  | { ok: true; files: Map<string, Buffer>; manifest: Manifest; sha256: string; report: PackageReport; warnings: PackageIssue[] }
  | { ok: false; errors: PackageIssue[]; sha256?: string };

/**
 * Reads a plugin package (.tgz) entirely in memory and runs every check the server runs on
 * upload. Stages run in order and stop at the first that fails: size and format, the archive's
 * entries (streamed through gunzip and tar with hard limits), then the contents.
 * `files` is keyed by path inside the package (an npm-style `package/` prefix removed).
 */
export async function readPackage(data: Uint8Array, limits?: Partial<PackageLimits>): Promise<ReadPackageResult> {
  const resolved = resolveLimits(limits);
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // Not even hashed: oversized input gets no work at all.
  if (bytes.length > resolved.maxCompressedBytes) {
    return { ok: false, errors: [{ code: PackageErrorCode.TooLarge, message: `the package is larger than ${resolved.maxCompressedBytes} bytes; make its files smaller (minify the bundle, drop unused dependencies)` }] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const archive = await readArchive(bytes, resolved);
  if (!archive.ok) return { ok: false, errors: archive.errors, sha256 };
  const contents = checkContents(archive.entries);
  if (!contents.ok) return { ok: false, errors: contents.errors, sha256 };

  const { files, manifest, icon, warnings } = contents;
  const report: PackageReport = {
    files: [...files].map(([path, body]) => ({ path, bytes: body.length })).sort((a, b) => compareText(a.path, b.path)),
    compressedBytes: bytes.length,
    uncompressedBytes: archive.uncompressedBytes,
    manifest: summariseManifest(manifest, icon),
  };
  return { ok: true, files, manifest, sha256, report, warnings };
}
