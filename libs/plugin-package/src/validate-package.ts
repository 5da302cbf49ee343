import type { Manifest } from '@guild/plugin-manifest';
import { entryPath } from './package-layout.js';
import type { PackageIssue } from './package.errors.js';
import type { PackageLimits } from './package-limits.js';
import type { PackageReport } from './package-report.js';
import { readPackage } from './read-package.js';
import { decodeUtf8 } from './utf8.js';

/** Loads the entry in a sandbox and compares its exports with the manifest (another library does it). */
export type EntryCheck = (manifest: Manifest, source: string) => Promise<PackageIssue[]>;

export interface PackageValidation {
  ok: boolean;
  errors: PackageIssue[];
  warnings: PackageIssue[];
  sha256?: string;
  report?: PackageReport;
  manifest?: Manifest;
  files?: Map<string, Buffer>;
}

/**
 * `readPackage`, then, when the package is sound, `checkEntry` on its entry source; every issue
 * in one report. The hook's issues are errors. If the hook throws, so does this: a sandbox that
 * fails to run says nothing about the package.
 */
export async function validatePackage(
  data: Uint8Array,
  options: { limits?: Partial<PackageLimits>; checkEntry?: EntryCheck } = {},
): Promise<PackageValidation> {
  const read = await readPackage(data, options.limits);
  if (!read.ok) return { ok: false, errors: read.errors, warnings: [], ...(read.sha256 ? { sha256: read.sha256 } : {}) };

  const { manifest, files, report, sha256, warnings } = read;
  const entry = files.get(entryPath(manifest.entry));
  // readPackage refused the package unless the entry is there and is UTF-8.
  const source = (entry && decodeUtf8(entry)) ?? '';
  const errors = options.checkEntry ? await options.checkEntry(manifest, source) : [];
  return { ok: errors.length === 0, errors, warnings, sha256, report, manifest, files };
}
