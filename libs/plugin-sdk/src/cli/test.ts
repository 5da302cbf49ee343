import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildPlugin } from './build.js';
import { CliError } from './cli-error.js';
import { say } from './output.js';

const TEST_FILE = /\.test\.ts$/;
// By absolute URL: a plugin's folder need not sit where Node would find tsx on its own.
const TSX_LOADER = import.meta.resolve('tsx');

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'test'), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && TEST_FILE.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Builds the plugin, then runs its `test/**\/*.test.ts` with Node's test runner; resolves to the runner's exit code. */
export async function testCommand(dir: string): Promise<number> {
  const files = await testFiles(dir);
  if (files.length === 0) throw new CliError('no test files: write test/<name>.test.ts files (node:test) that use createTestHost from @guild/plugin-sdk/testing');
  const built = await buildPlugin(dir);
  say(`built ${built.manifest.entry} (${built.bytes} bytes); running ${files.length} test file${files.length === 1 ? '' : 's'}`);
  // The tests get the repository's tsconfig.json (the `@guild/*` imports) from TSX_TSCONFIG_PATH, which the bin set.
  const child = spawn(process.execPath, ['--import', TSX_LOADER, '--test', ...files], { cwd: dir, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
