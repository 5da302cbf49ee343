import type { PackageIssue } from './package.errors.js';

/** Stops reading an archive at the first problem that makes reading further pointless or unsafe. */
export class ArchiveRefusal extends Error {
  constructor(readonly issue: PackageIssue) {
    super(issue.message);
    this.name = 'ArchiveRefusal';
  }
}
