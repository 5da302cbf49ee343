import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '@guild/plugin-manifest';
import { MANIFEST_FILE, PackageErrorCode, type PackageIssue } from '@guild/plugin-package';
import { CheckFailed } from './cli-error.js';
import { formatIssue } from './output.js';

/** The plugin's checked manifest; a missing or invalid one stops the command with every problem listed. */
export async function readManifest(dir: string): Promise<Manifest> {
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    const message = `no ${MANIFEST_FILE} in ${dir}: run this command in a plugin's folder, or create one with \`guild-plugin init <namespace/slug>\``;
    throw new CheckFailed(message, [{ code: PackageErrorCode.ManifestMissing, path: MANIFEST_FILE, message }]);
  });
  const parsed = parseManifest(text);
  if (parsed.ok) return parsed.manifest;
  const issues = parsed.errors.map((error): PackageIssue => ({ code: error.code, path: MANIFEST_FILE, pointer: error.path, message: error.message }));
  throw new CheckFailed(`${MANIFEST_FILE} is invalid:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`, issues);
}
