import { Inject, Injectable } from '@nestjs/common';
import { HOST_API_VERSION } from '@guild/extension-points';
import type { Manifest } from '@guild/plugin-manifest';
import { CHANGELOG_FILE, PACKAGE_LIMITS, README_FILE, validatePackage } from '@guild/plugin-package';
import { checkEntryExports, PluginRuntime } from '@guild/plugin-runtime';
import type { ValidationReport } from '../entities/plugin-version.entity.js';
import { PackageRefusedError } from '../plugins.errors.js';

/** A package that passed every check, with what a version row keeps of it. */
export interface AcceptedPackage {
  data: Buffer;
  sha256: string;
  manifest: Manifest;
  report: ValidationReport;
  readme: string;
  changelog: string | null;
}

const MiB = 1024 * 1024;

/**
 * The upload check: `validatePackage` from @guild/plugin-package with the sandbox's entry check,
 * exactly what `guild-plugin validate` runs, so a partner sees the same refusals before uploading.
 * Everything happens in memory; a refused package is never written anywhere.
 */
@Injectable()
export class PackageValidator {
  constructor(@Inject(PluginRuntime) private readonly runtime: PluginRuntime) {}

  async validate(data: Buffer): Promise<AcceptedPackage> {
    const result = await validatePackage(data, { checkEntry: (manifest, source) => checkEntryExports(this.runtime, manifest, source) });
    const { manifest, report, files, sha256 } = result;
    if (!result.ok || !manifest || !report || !files || !sha256) throw new PackageRefusedError(result.errors);
    return {
      data,
      sha256,
      manifest,
      report: { validatedAt: new Date().toISOString(), checks: checksRun(manifest), warnings: result.warnings, package: report },
      readme: text(files.get(README_FILE)) ?? '',
      changelog: text(files.get(CHANGELOG_FILE)),
    };
  }
}

/** What the report says was checked, with the limits and versions in force. */
function checksRun(manifest: Manifest): string[] {
  const limits = PACKAGE_LIMITS;
  return [
    `archive: at most ${limits.maxCompressedBytes / MiB} MiB compressed and ${limits.maxUncompressedBytes / MiB} MiB unpacked, compression ratio at most ${limits.maxCompressionRatio}, at most ${limits.maxFiles} entries, files of at most ${limits.maxFileBytes / MiB} MiB`,
    'archive entries: regular files only (no links or devices), no absolute paths, no "..", no hidden or duplicate paths',
    `manifest: schema and rules of host API ${HOST_API_VERSION} (name, semver version, host API range, permissions and points known to it, settings schema)`,
    'files: README.md, one icon (PNG or safe SVG), the entry as UTF-8, nothing unexpected',
    `entry: loaded in the sandbox within the manifest's limits (${manifest.limits.memoryMb} MB, ${manifest.limits.timeoutMs} ms); its exports match the declared events and functions`,
  ];
}

/** A Markdown file as text: invalid UTF-8 shows as U+FFFD, and NUL (which PostgreSQL's text refuses) is dropped. */
function text(file: Buffer | undefined): string | null {
  return file === undefined ? null : file.toString('utf8').replaceAll('\u0000', '');
}
