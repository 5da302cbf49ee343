import { HttpStatus } from '@nestjs/common';
import type { PackageIssue } from '@guild/plugin-package';
import { DomainError } from '../platform/http/domain-error.js';

const STATUS = {
  LISTING_NOT_FOUND: HttpStatus.NOT_FOUND,
  LISTING_EXISTS: HttpStatus.CONFLICT,
  LISTING_NAME_INVALID: HttpStatus.BAD_REQUEST,
  LISTING_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  LISTING_UNCHANGED: HttpStatus.CONFLICT,
  LISTING_REVIEW_PENDING: HttpStatus.CONFLICT,
  LISTING_NOT_PUBLIC: HttpStatus.CONFLICT,
  MEDIA_NOT_FOUND: HttpStatus.NOT_FOUND,
  MEDIA_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  MEDIA_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  MEDIA_LIMIT: HttpStatus.CONFLICT,
  FILE_MISSING: HttpStatus.BAD_REQUEST,
  NOT_MULTIPART: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  VERSION_NOT_FOUND: HttpStatus.NOT_FOUND,
  VERSION_EXISTS: HttpStatus.CONFLICT,
  VERSION_NOT_GREATER: HttpStatus.CONFLICT,
  VERSION_STATE: HttpStatus.CONFLICT,
  PLUGIN_NAME_MISMATCH: HttpStatus.UNPROCESSABLE_ENTITY,
  NAMESPACE_MISMATCH: HttpStatus.UNPROCESSABLE_ENTITY,
  DOWNLOAD_FORBIDDEN: HttpStatus.FORBIDDEN,
  REVIEW_NOT_FOUND: HttpStatus.NOT_FOUND,
  REVIEW_STATE: HttpStatus.CONFLICT,
  REVIEW_CLAIMED: HttpStatus.CONFLICT,
  REVIEW_NOT_CLAIMED: HttpStatus.CONFLICT,
  REVIEW_OWN_PARTNER: HttpStatus.FORBIDDEN,
} as const;

export type PluginErrorCode = keyof typeof STATUS;

export class PluginError extends DomainError {
  constructor(code: PluginErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }
}

/** The same 404s from every route, each saying where to look. */
export const notFound = {
  listing: (name: string) =>
    new PluginError('LISTING_NOT_FOUND', `No listing is called ${name}; check the name, or create the listing first (POST /v1/plugins, or "New listing" in the portal).`),
  version: (name: string, version: string) =>
    new PluginError('VERSION_NOT_FOUND', `${name} has no version ${version.slice(0, 100)} that you can see; GET /v1/plugins/${name}/versions lists them.`),
  review: () => new PluginError('REVIEW_NOT_FOUND', 'No plugin review has this id; the queue at GET /v1/staff/plugin-reviews lists them.'),
};

/**
 * A package the validator refused: the code is the first issue's (PACKAGE_PATH_TRAVERSAL,
 * MANIFEST_SCHEMA, ENTRY_EXPORT_UNDECLARED, ...), `details.issues` lists every issue found.
 */
export class PackageRefusedError extends DomainError {
  constructor(readonly issues: PackageIssue[]) {
    const first = issues[0] ?? { code: 'PACKAGE_CORRUPT', message: 'the package was refused' };
    const status = first.code === 'PACKAGE_TOO_LARGE' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}, listed in details.issues)` : '';
    super(first.code, status, `The package was refused: ${first.path ? `${first.path}: ` : ''}${first.message}${more}.`, { issues });
  }
}
