import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { EXIT } from './cli-error.js';
import { checkPlugin, withTempDir } from './check-plugin.js';
import { formatIssue, printJson, say } from './output.js';
import { refuseCheck } from './validate.js';

export interface PackOptions {
  json: boolean;
  /** Relative to the plugin's folder; defaults to it. */
  outDir?: string;
}

/** Validates, then writes the very package that passed (and its .sha256) to the output folder. */
export async function packCommand(dir: string, options: PackOptions): Promise<number> {
  return withTempDir(async (workDir) => {
    const check = await checkPlugin(dir, workDir);
    if (!check.ok || !check.packed) return refuseCheck(check, { json: options.json, notDone: 'not packed' });
    const outDir = resolve(dir, options.outDir ?? '.');
    const file = join(outDir, basename(check.packed.file));
    await mkdir(outDir, { recursive: true });
    await copyFile(check.packed.file, file);
    await copyFile(`${check.packed.file}.sha256`, `${file}.sha256`);
    const { sha256, bytes, files } = check.packed;
    if (options.json) {
      printJson({ ok: true, plugin: check.plugin, file, sha256, bytes, files, warnings: check.warnings });
    } else {
      say(`packed ${check.plugin}`);
      say(`  file    ${file}`);
      say(`  sha256  ${sha256} (in ${basename(file)}.sha256)`);
      say(`  bytes   ${bytes}`);
      say(`  files   ${files.join(', ')}`);
      for (const issue of check.warnings) say(`  warning ${formatIssue(issue)}`);
    }
    return EXIT.ok;
  });
}
