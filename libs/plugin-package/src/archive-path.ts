import { PackageErrorCode, type PackageIssue } from './package.errors.js';

export type ArchivePath = { ok: true; path: string } | { ok: false; issue: PackageIssue };

// Control characters, and U+FFFD (what bytes that are not UTF-8 decode to).
const UNPRINTABLE = /[\p{Cc}\uFFFD]/u;
const DRIVE_LETTER = /^[A-Za-z]:/;
const SHOWN_PATH_LENGTH = 200;

/** A path from an archive, safe to put in a message or a log line: controls escaped, length capped. */
export function printablePath(raw: string): string {
  const escaped = JSON.stringify(raw).slice(1, -1);
  return escaped.length > SHOWN_PATH_LENGTH ? `${escaped.slice(0, SHOWN_PATH_LENGTH)}…` : escaped;
}

/**
 * Checks a path as written in the archive and returns it normalised: one leading `./` and a
 * trailing `/` removed (`./` itself becomes ''). Backslashes are read as separators for the
 * absolute and `..` checks, because that is how Windows would extract them, and then refused.
 */
export function checkArchivePath(raw: string, maxLength: number): ArchivePath {
  const refuse = (code: PackageErrorCode, reason: string, fix: string): ArchivePath => ({
    ok: false,
    issue: { code, message: `${reason}: "${printablePath(raw)}"; ${fix}`, path: printablePath(raw) },
  });
  if (Buffer.byteLength(raw) > maxLength) return refuse(PackageErrorCode.PathInvalid, `a path is longer than ${maxLength} bytes`, 'use a shorter path');
  if (UNPRINTABLE.test(raw)) return refuse(PackageErrorCode.PathInvalid, 'a path has control characters or is not UTF-8', 'rename the file');

  const slashed = raw.replaceAll('\\', '/');
  if (slashed.startsWith('/') || DRIVE_LETTER.test(slashed)) return refuse(PackageErrorCode.AbsolutePath, 'a path is absolute', 'make it relative to the package root');
  if (slashed.split('/').includes('..')) return refuse(PackageErrorCode.PathTraversal, 'a path climbs out of the package with ".."', 'keep every file inside the package');
  if (raw.includes('\\')) return refuse(PackageErrorCode.PathInvalid, 'a path has a backslash', 'use "/" between folders');

  const path = raw.replace(/^\.\//, '').replace(/\/$/, '');
  if (path === '') return { ok: true, path };
  for (const segment of path.split('/')) {
    if (segment === '') return refuse(PackageErrorCode.PathInvalid, 'a path has an empty segment', 'remove the doubled "/"');
    if (segment.startsWith('.')) return refuse(PackageErrorCode.PathInvalid, 'a path has a hidden or "." segment', 'leave hidden files out');
  }
  return { ok: true, path };
}

/** Two paths that would land on the same file on a case-insensitive or normalising file system. */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
