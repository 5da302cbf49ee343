import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { collectPluginFiles } from './collect-plugin-files.js';
import { PackageError, type PackageIssue } from './package.errors.js';
import { readPackage } from './read-package.js';
import { buildTarball } from './tarball.js';

export interface PackedPlugin {
  /** Absolute path of the written `<slug>-<version>.tgz`; `<file>.sha256` sits beside it. */
  file: string;
  sha256: string;
  bytes: number;
  /** Paths inside the package, sorted. */
  files: string[];
  /** What the server will warn about too (a missing LICENSE). */
  warnings: PackageIssue[];
}

/**
 * Packs the plugin folder `dir` into a reproducible .tgz in `outDir` (default `dir`), holding
 * only the files a package may hold. The result is read back with `readPackage` before it is
 * written, so a package this returns passes the server's checks too (except the sandbox's).
 * Throws `PackageError` with every problem found.
 */
export async function packPlugin(dir: string, options: { outDir?: string } = {}): Promise<PackedPlugin> {
  const root = resolve(dir);
  const files = await collectPluginFiles(root);
  const tarball = await buildTarball(files);
  // The server's checks, so a missing or unsound file is reported in the server's words.
  const read = await readPackage(tarball);
  if (!read.ok) throw new PackageError(read.errors);

  const { manifest } = read;
  const slug = manifest.name.slice(manifest.name.indexOf('/') + 1);
  const outDir = resolve(options.outDir ?? root);
  const file = join(outDir, `${slug}-${manifest.version}.tgz`);
  await mkdir(outDir, { recursive: true });
  await writeFile(file, tarball);
  // The format sha256sum writes and `sha256sum -c` reads.
  await writeFile(`${file}.sha256`, `${read.sha256}  ${basename(file)}\n`);
  return {
    file,
    sha256: read.sha256,
    bytes: tarball.length,
    files: read.report.files.map(({ path }) => path),
    warnings: read.warnings,
  };
}
