export const PackageErrorCode = {
  TooLarge: 'PACKAGE_TOO_LARGE',
  UncompressedTooLarge: 'PACKAGE_UNCOMPRESSED_TOO_LARGE',
  FileTooLarge: 'PACKAGE_FILE_TOO_LARGE',
  TooManyFiles: 'PACKAGE_TOO_MANY_FILES',
  CompressionRatio: 'PACKAGE_COMPRESSION_RATIO',
  NotGzip: 'PACKAGE_NOT_GZIP',
  Corrupt: 'PACKAGE_CORRUPT',
  AbsolutePath: 'PACKAGE_ABSOLUTE_PATH',
  PathTraversal: 'PACKAGE_PATH_TRAVERSAL',
  Link: 'PACKAGE_LINK',
  SpecialFile: 'PACKAGE_SPECIAL_FILE',
  DuplicateEntry: 'PACKAGE_DUPLICATE_ENTRY',
  PathInvalid: 'PACKAGE_PATH_INVALID',
  ManifestMissing: 'PACKAGE_MANIFEST_MISSING',
  EntryMissing: 'PACKAGE_ENTRY_MISSING',
  EntryInvalid: 'PACKAGE_ENTRY_INVALID',
  ReadmeMissing: 'PACKAGE_README_MISSING',
  IconMissing: 'PACKAGE_ICON_MISSING',
  IconInvalid: 'PACKAGE_ICON_INVALID',
  UnexpectedFile: 'PACKAGE_UNEXPECTED_FILE',
} as const;

export type PackageErrorCode = (typeof PackageErrorCode)[keyof typeof PackageErrorCode];

/** Not a reason to refuse, but worth a reviewer's (and the partner's) attention. */
export const PackageWarningCode = {
  LicenseMissing: 'PACKAGE_LICENSE_MISSING',
} as const;

export type PackageWarningCode = (typeof PackageWarningCode)[keyof typeof PackageWarningCode];

/**
 * One problem with a package. `code` is a `PackageErrorCode`, a `ManifestErrorCode` from
 * `parseManifest`, or a code of the `checkEntry` hook's own. `path` is the file inside the package
 * (control characters escaped); for manifest problems it is `guild-plugin.json` and `pointer` is
 * the JSON Pointer inside it.
 */
export interface PackageIssue {
  code: string;
  message: string;
  path?: string;
  pointer?: string;
}

/** Thrown by `packPlugin`; `issues` holds every problem found, `code` the first one's. */
export class PackageError extends Error {
  readonly code: string;

  constructor(readonly issues: PackageIssue[]) {
    super(issues.map(describeIssue).join('; '));
    this.name = 'PackageError';
    this.code = issues[0]?.code ?? PackageErrorCode.Corrupt;
  }
}

export function describeIssue(issue: PackageIssue): string {
  const where = issue.path === undefined ? '' : `${issue.path}${issue.pointer ? `#${issue.pointer}` : ''}: `;
  return `${where}${issue.message} (${issue.code})`;
}
