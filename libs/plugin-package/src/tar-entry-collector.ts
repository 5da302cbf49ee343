import { Parser, type ReadEntry } from 'tar';
import { checkArchivePath, collisionKey, printablePath } from './archive-path.js';
import { ArchiveRefusal } from './archive-refusal.js';
import { isGzip } from './inflate.js';
import { contentLimit } from './package-layout.js';
import { PackageErrorCode, type PackageIssue } from './package.errors.js';
import type { PackageLimits } from './package-limits.js';

/** A regular file from the archive. `body` is absent when the file is over its content limit. */
export interface ArchiveFile {
  path: string;
  bytes: number;
  body?: Buffer;
}

export interface ArchiveEntries {
  files: ArchiveFile[];
  directories: string[];
  /** Problems with single entries (links, bad paths, duplicates); reading went on past them. */
  issues: PackageIssue[];
}

// Plenty for a long path; refusing larger headers keeps a hostile pax header out of memory.
const MAX_EXTENDED_HEADER_BYTES = 64 * 1024;

const GZIP_SNIFF_BYTES = 2;
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const DIRECTORY_TYPES = new Set(['Directory', 'GNUDumpDir']);
const LINK_TYPES = new Set(['Link', 'SymbolicLink']);

/**
 * Feeds a tar stream to node-tar's parser and keeps what a package may hold. Entries' bodies
 * are buffered only for regular files within the limits; everything else is drained. Throws
 * `ArchiveRefusal` from `write` or `end` when the archive cannot be read on.
 */
export class TarEntryCollector {
  private readonly parser: Parser;
  private readonly files: { path: string; bytes: number; chunks?: Buffer[] }[] = [];
  private readonly directories: string[] = [];
  private readonly issues: PackageIssue[] = [];
  private readonly seen = new Set<string>();
  private entryCount = 0;
  private head = Buffer.alloc(0);
  private sawEndOfArchive = false;
  private refusal?: PackageIssue;

  constructor(private readonly limits: PackageLimits) {
    // strict: every warning (bad checksum, truncation, not a tar) is an error. gzip is sniffed and
    // cannot be turned off; `write` refuses a nested gzip before the parser sees it.
    this.parser = new Parser({ strict: true, brotli: false, zstd: false, maxMetaEntrySize: MAX_EXTENDED_HEADER_BYTES });
    this.parser.on('entry', (entry: ReadEntry) => this.onEntry(entry));
    this.parser.on('ignoredEntry', (entry: ReadEntry) => this.onIgnoredEntry(entry));
    this.parser.on('eof', () => (this.sawEndOfArchive = true));
    this.parser.on('error', (error: Error) => this.refuse(PackageErrorCode.Corrupt, `the archive is not a valid tar file (${error.message}); rebuild it with \`guild-plugin pack\``));
  }

  write(chunk: Buffer): void {
    // Anything after the end-of-archive blocks is padding; the parser would only pile it up.
    if (this.sawEndOfArchive) return;
    if (this.head.length < GZIP_SNIFF_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, GZIP_SNIFF_BYTES - this.head.length)]);
      if (isGzip(this.head)) this.refuse(PackageErrorCode.Corrupt, 'the archive is compressed twice; gzip the tar once (`guild-plugin pack` does)');
    }
    this.throwIfRefused();
    this.parser.write(chunk);
    this.throwIfRefused();
  }

  end(): ArchiveEntries {
    this.parser.end();
    this.throwIfRefused();
    return {
      files: this.files.map(({ path, bytes, chunks }): ArchiveFile => (chunks ? { path, bytes, body: Buffer.concat(chunks) } : { path, bytes })),
      directories: this.directories,
      issues: this.issues,
    };
  }

  private onEntry(entry: ReadEntry): void {
    if (this.refusal || !this.countEntry()) return void entry.resume();
    const checked = checkArchivePath(entry.path, this.limits.maxPathLength);
    if (!checked.ok) {
      this.issues.push(checked.issue);
      return void entry.resume();
    }
    const { path } = checked;
    const { type } = entry;
    if (DIRECTORY_TYPES.has(type)) {
      this.directories.push(path);
      return void entry.resume();
    }
    if (LINK_TYPES.has(type)) {
      const target = printablePath(entry.linkpath ?? '');
      this.issues.push({ code: PackageErrorCode.Link, message: `${path} is a ${linkKind(type)} to "${target}"; put the file itself in the package`, path });
      return void entry.resume();
    }
    if (!FILE_TYPES.has(type)) {
      this.issues.push({ code: PackageErrorCode.SpecialFile, message: `${path} is a ${type} entry, not a regular file; remove it`, path });
      return void entry.resume();
    }
    this.collectFile(entry, path);
  }

  private collectFile(entry: ReadEntry, path: string): void {
    if (entry.size > this.limits.maxFileBytes) {
      this.refuse(PackageErrorCode.FileTooLarge, `${path} is larger than ${this.limits.maxFileBytes} bytes; make it smaller`, path);
      return void entry.resume();
    }
    const key = collisionKey(path);
    if (this.seen.has(key)) {
      this.issues.push({ code: PackageErrorCode.DuplicateEntry, message: `${path} is in the archive more than once (paths are compared ignoring case); keep one`, path });
      return void entry.resume();
    }
    this.seen.add(key);
    const limit = contentLimit(path);
    if (limit !== undefined && entry.size > limit) {
      this.files.push({ path, bytes: entry.size });
      return void entry.resume();
    }
    const chunks: Buffer[] = [];
    this.files.push({ path, bytes: entry.size, chunks });
    let received = 0;
    entry.on('data', (chunk: Buffer) => {
      received += chunk.length;
      // The parser cuts bodies at the header's size; this holds even if that ever changes.
      if (received > entry.size) this.refuse(PackageErrorCode.Corrupt, `${path} is longer than its header says; rebuild it with \`guild-plugin pack\``, path);
      else chunks.push(chunk);
    });
  }

  private onIgnoredEntry(entry: ReadEntry): void {
    if (entry.meta) {
      this.refuse(PackageErrorCode.Corrupt, `the archive has an extended header larger than ${MAX_EXTENDED_HEADER_BYTES} bytes; rebuild it with \`guild-plugin pack\``);
      return;
    }
    if (this.refusal || !this.countEntry()) return;
    const path = printablePath(entry.path);
    this.issues.push({ code: PackageErrorCode.SpecialFile, message: `${path} is a ${entry.type} entry, not a regular file; remove it`, path });
  }

  /** False (and the archive refused) once there are more entries than allowed. */
  private countEntry(): boolean {
    this.entryCount += 1;
    if (this.entryCount <= this.limits.maxFiles) return true;
    this.refuse(PackageErrorCode.TooManyFiles, `the package has more than ${this.limits.maxFiles} entries; a package holds only the manifest, its entry, README, icon, CHANGELOG and LICENSE (\`guild-plugin pack\` picks them)`);
    return false;
  }

  private refuse(code: PackageErrorCode, message: string, path?: string): void {
    this.refusal ??= { code, message, ...(path === undefined ? {} : { path }) };
  }

  private throwIfRefused(): void {
    if (this.refusal) throw new ArchiveRefusal(this.refusal);
  }
}

function linkKind(type: string): string {
  return type === 'Link' ? 'hard link' : 'symbolic link';
}
