import { ARCHIVE_CASES } from './archive-cases.js';
import type { BadPackage } from './bad-package.js';
import { ENTRY_CASES } from './entry-cases.js';
import { MANIFEST_CASES } from './manifest-cases.js';
import { VERSION_CASES } from './version-cases.js';

export type { BadPackage } from './bad-package.js';

/** Every malformed or hostile upload the server must refuse, each with its own code. */
export const BAD_PACKAGES: BadPackage[] = [...ARCHIVE_CASES, ...MANIFEST_CASES, ...ENTRY_CASES, ...VERSION_CASES];
