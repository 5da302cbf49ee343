export { describeIssue, PackageError, PackageErrorCode, PackageWarningCode, type PackageIssue } from './package.errors.js';
export { MAX_ICON_BYTES, PACKAGE_LIMITS, type PackageLimits } from './package-limits.js';
export { ICON_FILES, MANIFEST_FILE, README_FILE, CHANGELOG_FILE, LICENSE_FILE } from './package-layout.js';
export type { ManifestSummary, PackageReport } from './package-report.js';
export { readPackage, type ReadPackageResult } from './read-package.js';
export { validatePackage, type EntryCheck, type PackageValidation } from './validate-package.js';
export { packPlugin, type PackedPlugin } from './pack-plugin.js';
export { PACKAGE_MTIME } from './tarball.js';
