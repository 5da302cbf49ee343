import { ArchiveRefusal } from './archive-refusal.js';
import { inflate, isGzip } from './inflate.js';
import { PackageErrorCode, type PackageIssue } from './package.errors.js';
import type { PackageLimits } from './package-limits.js';
import { TarEntryCollector, type ArchiveEntries } from './tar-entry-collector.js';

export type ArchiveRead = { ok: true; entries: ArchiveEntries; uncompressedBytes: number } | { ok: false; errors: PackageIssue[] };

/**
 * The archive stage: gunzip and untar in memory, within the limits, refusing unsafe entries.
 * Stops at the first problem with the stream as a whole; collects every problem with an entry.
 */
export async function readArchive(data: Buffer, limits: PackageLimits): Promise<ArchiveRead> {
  if (!isGzip(data)) return { ok: false, errors: [{ code: PackageErrorCode.NotGzip, message: 'the package is not a gzip file (.tgz); build it with `guild-plugin pack`' }] };
  const collector = new TarEntryCollector(limits);
  let uncompressedBytes = 0;
  try {
    for await (const chunk of inflate(data, limits)) {
      uncompressedBytes += chunk.length;
      collector.write(chunk);
    }
    const entries = collector.end();
    return entries.issues.length ? { ok: false, errors: entries.issues } : { ok: true, entries, uncompressedBytes };
  } catch (error) {
    if (error instanceof ArchiveRefusal) return { ok: false, errors: [error.issue] };
    throw error;
  }
}
