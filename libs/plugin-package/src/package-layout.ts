import { MAX_MANIFEST_BYTES } from '@guild/plugin-manifest';
import { MAX_ICON_BYTES } from './package-limits.js';

/** What a plugin package holds, besides the entry file its manifest names. */
export const MANIFEST_FILE = 'guild-plugin.json';
export const README_FILE = 'README.md';
export const ICON_FILES = ['icon.png', 'icon.svg'] as const;
export const CHANGELOG_FILE = 'CHANGELOG.md';
export const LICENSE_FILE = 'LICENSE';

/** npm-pack style archives put everything under this directory. */
export const NPM_PACK_PREFIX = 'package/';

const FIXED_FILES: readonly string[] = [MANIFEST_FILE, README_FILE, ...ICON_FILES, CHANGELOG_FILE, LICENSE_FILE];

/** Files smaller limits apply to, so a 5 MB "manifest" is refused without being buffered. */
const CONTENT_LIMITS = new Map<string, number>([
  [MANIFEST_FILE, MAX_MANIFEST_BYTES],
  ...ICON_FILES.map((icon): [string, number] => [icon, MAX_ICON_BYTES]),
]);

export function contentLimit(path: string): number | undefined {
  return CONTENT_LIMITS.get(path.startsWith(NPM_PACK_PREFIX) ? path.slice(NPM_PACK_PREFIX.length) : path);
}

/** The manifest's `entry` as it appears in the archive (`./dist/index.js` is `dist/index.js`). */
export function entryPath(entry: string): string {
  return entry.replace(/^\.\//, '');
}

/** Every path a package with this entry may hold; without one (the manifest does not parse), the fixed files. */
export function allowedPaths(entry?: string): Set<string> {
  return new Set(entry === undefined ? FIXED_FILES : [...FIXED_FILES, entryPath(entry)]);
}

/** `readme.md` for `README.md`: the likeliest mistake behind an unexpected file. */
export function caseMistakeFor(path: string, allowed: Set<string>): string | undefined {
  const lower = path.toLowerCase();
  return [...allowed].find((name) => name.toLowerCase() === lower);
}
