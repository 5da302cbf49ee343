import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageError, packPlugin, validatePackage, type PackageIssue, type PackageReport, type PackedPlugin } from '@guild/plugin-package';
import { checkEntryExports, PluginRuntime } from '@guild/plugin-runtime';
import { buildPlugin } from './build.js';
import { CheckFailed } from './cli-error.js';

export interface PluginCheck {
  ok: boolean;
  /** `name@version`, once the manifest could be read. */
  plugin?: string;
  errors: PackageIssue[];
  warnings: PackageIssue[];
  sha256?: string;
  report?: PackageReport;
  /** The package that was checked, in the temporary folder. */
  packed?: PackedPlugin;
}

/** Runs `work` with a fresh temporary folder, removed afterwards. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'guild-plugin-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function packInto(dir: string, outDir: string): Promise<PackedPlugin | PackageIssue[]> {
  try {
    return await packPlugin(dir, { outDir });
  } catch (error) {
    if (error instanceof PackageError) return error.issues;
    throw error;
  }
}

/**
 * What the server does on upload, from the plugin's folder: build, pack (into `workDir`), read the
 * package back with every package check, then load the entry in the sandbox and compare handlers.
 */
export async function checkPlugin(dir: string, workDir: string): Promise<PluginCheck> {
  let plugin: string;
  try {
    const built = await buildPlugin(dir);
    plugin = `${built.manifest.name}@${built.manifest.version}`;
  } catch (error) {
    if (error instanceof CheckFailed) return { ok: false, errors: error.issues, warnings: [] };
    throw error;
  }
  const packed = await packInto(dir, workDir);
  if (Array.isArray(packed)) return { ok: false, plugin, errors: packed, warnings: [] };

  const runtime = new PluginRuntime({ workers: 1 });
  try {
    const result = await validatePackage(await readFile(packed.file), { checkEntry: (manifest, source) => checkEntryExports(runtime, manifest, source) });
    const { ok, errors, warnings, sha256, report } = result;
    return { ok, plugin, errors, warnings, ...(sha256 ? { sha256 } : {}), ...(report ? { report } : {}), packed };
  } finally {
    await runtime.stop();
  }
}
