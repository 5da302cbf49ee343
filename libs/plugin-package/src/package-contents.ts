import { ManifestErrorCode, MAX_MANIFEST_BYTES, parseManifest, type Manifest } from '@guild/plugin-manifest';
import { iconProblem } from './icon.js';
import {
  allowedPaths,
  caseMistakeFor,
  entryPath,
  ICON_FILES,
  LICENSE_FILE,
  MANIFEST_FILE,
  NPM_PACK_PREFIX,
  README_FILE,
} from './package-layout.js';
import { PackageErrorCode, PackageWarningCode, type PackageIssue } from './package.errors.js';
import { MAX_ICON_BYTES } from './package-limits.js';
import type { ArchiveEntries, ArchiveFile } from './tar-entry-collector.js';
import { decodeUtf8 } from './utf8.js';

export type PackageContents =
  | { ok: true; files: Map<string, Buffer>; manifest: Manifest; icon: string; warnings: PackageIssue[] }
  | { ok: false; errors: PackageIssue[] };

/**
 * The contents stage: the manifest, README, icon and entry file are there and sound, and nothing
 * else is. Without a valid manifest the entry is unknown, so the entry and unexpected-file checks
 * wait for the manifest to be fixed.
 */
export function checkContents(entries: ArchiveEntries): PackageContents {
  const byPath = new Map(withoutNpmPrefix(entries).map((file) => [file.path, file]));
  const errors: PackageIssue[] = [];
  const manifest = readManifest(byPath.get(MANIFEST_FILE), errors);
  if (manifest) checkEntry(byPath, manifest, errors);
  if (!byPath.has(README_FILE)) {
    errors.push({ code: PackageErrorCode.ReadmeMissing, message: `the package has no ${README_FILE}; add one telling buyers what the plugin does`, path: README_FILE });
  }
  const icon = checkIcon(byPath, errors);
  if (manifest) errors.push(...unexpectedFiles([...byPath.keys()], allowedPaths(manifest.entry)));
  if (errors.length || !manifest || !icon) return { ok: false, errors };

  const files = new Map<string, Buffer>();
  for (const [path, { body }] of byPath) if (body) files.set(path, body);
  const warnings: PackageIssue[] = byPath.has(LICENSE_FILE)
    ? []
    : [{ code: PackageWarningCode.LicenseMissing, message: `the package has no ${LICENSE_FILE} file; add one, or buyers will not know the terms` }];
  return { ok: true, files, manifest, icon, warnings };
}

/** `package/README.md` is `README.md` when every entry is under `package/` (as `npm pack` writes). */
function withoutNpmPrefix({ files, directories }: ArchiveEntries): ArchiveFile[] {
  const prefixed = (path: string) => path.startsWith(NPM_PACK_PREFIX);
  const strip = files.length > 0 && files.every((file) => prefixed(file.path)) && directories.every((dir) => prefixed(`${dir}/`));
  return strip ? files.map((file) => ({ ...file, path: file.path.slice(NPM_PACK_PREFIX.length) })) : files;
}

export function manifestMissing(): PackageIssue {
  return { code: PackageErrorCode.ManifestMissing, message: `the package has no ${MANIFEST_FILE}; add one at its root (\`guild-plugin init\` writes a starter)`, path: MANIFEST_FILE };
}

/** The parsed manifest, or undefined with its problems added to `errors`. */
export function readManifest(file: ArchiveFile | undefined, errors: PackageIssue[]): Manifest | undefined {
  const fail = (code: string, message: string, pointer?: string) => {
    errors.push({ code, message, path: MANIFEST_FILE, ...(pointer ? { pointer } : {}) });
    return undefined;
  };
  if (!file) {
    errors.push(manifestMissing());
    return undefined;
  }
  if (!file.body) return fail(ManifestErrorCode.TooLarge, `is larger than ${MAX_MANIFEST_BYTES / 1024} KB`);
  const text = decodeUtf8(file.body);
  if (text === undefined) return fail(ManifestErrorCode.InvalidJson, 'is not UTF-8 text; save it as UTF-8');
  const result = parseManifest(text);
  if (result.ok) return result.manifest;
  for (const error of result.errors) fail(error.code, error.message, error.path);
  return undefined;
}

function checkIcon(byPath: Map<string, ArchiveFile>, errors: PackageIssue[]): string | undefined {
  const icons = ICON_FILES.flatMap((name) => byPath.get(name) ?? []);
  const [icon, other] = icons;
  if (!icon) {
    errors.push({ code: PackageErrorCode.IconMissing, message: `the package has no icon; add ${ICON_FILES.join(' or ')} (at most ${MAX_ICON_BYTES / 1024} KiB)` });
    return undefined;
  }
  if (other) {
    errors.push({ code: PackageErrorCode.IconInvalid, message: `the package has both ${ICON_FILES.join(' and ')}; keep one`, path: other.path });
    return undefined;
  }
  const problem = iconProblem(icon.path, icon.bytes, icon.body);
  if (!problem) return icon.path;
  errors.push({ code: PackageErrorCode.IconInvalid, message: `${icon.path} ${problem}`, path: icon.path });
  return undefined;
}

function checkEntry(byPath: Map<string, ArchiveFile>, manifest: Manifest, errors: PackageIssue[]): void {
  const path = entryPath(manifest.entry);
  const file = byPath.get(path);
  if (!file) {
    errors.push({ code: PackageErrorCode.EntryMissing, message: `the manifest's entry ${path} is not in the package; build the plugin (\`guild-plugin build\`) or correct "entry" in ${MANIFEST_FILE}`, path });
  } else if (!file.body || decodeUtf8(file.body) === undefined) {
    errors.push({ code: PackageErrorCode.EntryInvalid, message: `the entry ${path} is not UTF-8 text; bundle it as UTF-8 (\`guild-plugin build\` does)`, path });
  }
}

function unexpectedFiles(paths: string[], allowed: Set<string>): PackageIssue[] {
  return paths
    .filter((path) => !allowed.has(path))
    .map((path) => {
      const meant = caseMistakeFor(path, allowed);
      const fix = meant ? `rename it to ${meant}` : 'remove it';
      return { code: PackageErrorCode.UnexpectedFile, message: `${path} is not part of a plugin package; ${fix}`, path };
    });
}
