import { EXIT } from './cli-error.js';
import { checkPlugin, withTempDir, type PluginCheck } from './check-plugin.js';
import { formatIssue, printJson, say, warn } from './output.js';

/** The check's issues, one `CODE path message` per line, under a verdict. */
export function printCheck(check: PluginCheck): void {
  const plugin = check.plugin ?? 'the plugin';
  if (check.ok) {
    const files = check.report?.files.length ?? 0;
    say(`${plugin} is valid: ${files} files, ${check.report?.compressedBytes ?? 0} bytes packed`);
  } else {
    say(`${plugin} is not valid (${check.errors.length} error${check.errors.length === 1 ? '' : 's'}):`);
    for (const issue of check.errors) say(`  ${formatIssue(issue)}`);
  }
  if (check.warnings.length > 0) say('warnings:');
  for (const issue of check.warnings) say(`  ${formatIssue(issue)}`);
}

export const checkJson = ({ ok, plugin, errors, warnings, sha256, report }: PluginCheck) => ({ ok, plugin, errors, warnings, sha256, report });

/** For commands that act on a valid package: prints the failed check (as JSON with `extra`), says what was not done, and exits 1. */
export function refuseCheck(check: PluginCheck, options: { json: boolean; notDone: string; extra?: Record<string, unknown> }): number {
  if (options.json) printJson({ ...checkJson(check), ...options.extra });
  else printCheck(check);
  warn(`${options.notDone}: fix the errors above`);
  return EXIT.failed;
}

export async function validateCommand(dir: string, options: { json: boolean }): Promise<number> {
  const check = await withTempDir((workDir) => checkPlugin(dir, workDir));
  if (options.json) printJson(checkJson(check));
  else printCheck(check);
  return check.ok ? EXIT.ok : EXIT.failed;
}
