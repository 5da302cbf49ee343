import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'libs/plugin-sdk/bin/guild-plugin.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI: `node bin/guild-plugin.mjs …`, or `npx guild-plugin …` as a partner would
 * (`--no`: never from the registry). `env` is added to (and overrides) this process's environment.
 */
export function runCli(args: string[], cwd: string, options: { npx?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
  const [command, argv] = options.npx ? ['npx', ['--no', '--', 'guild-plugin', ...args]] : [process.execPath, [BIN, ...args]];
  const child = spawn(command, argv, { cwd, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Outside the repository, as a partner's plugin folder may be: nothing the CLI runs may depend on
// finding tsx or tsconfig.json from the current folder.
export const scratchDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'guild-plugin-cli-'));

export const removeDir = (dir: string) => rm(dir, { recursive: true, force: true });

/** The tgz's real sha256, and what its `.sha256` file (`<hex>  <name>`) says. */
export async function checksums(file: string): Promise<{ actual: string; recorded: string; name: string }> {
  const actual = createHash('sha256').update(await readFile(file)).digest('hex');
  const [recorded = '', name = ''] = (await readFile(`${file}.sha256`, 'utf8')).trim().split(/\s+/);
  return { actual, recorded, name };
}
