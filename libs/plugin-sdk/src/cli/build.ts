import { mkdir, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import type { Manifest } from '@guild/plugin-manifest';
import { BuildError, bundlePlugin } from '../build.js';
import { CheckFailed } from './cli-error.js';
import { say } from './output.js';
import { readManifest } from './plugin-folder.js';

export interface BuiltPlugin {
  manifest: Manifest;
  code: string;
  /** The manifest's `entry`, inside the plugin's folder. */
  file: string;
  bytes: number;
}

const NODE_BUILTIN = new RegExp(`Could not resolve "(node:[^"]+|${builtinModules.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})"`);

const BUILTIN_HINT =
  "plugins run in Guild's sandbox, which has no Node.js built-in modules (fs, net, child_process, …): " +
  'use ctx.storage to keep data and ctx.http.fetch to reach the hosts your manifest allows';

const NO_SOURCE_HINT = "write the plugin's code there: `export default definePlugin({ ... })` from @guild/plugin-sdk";

function hintFor(error: BuildError): string | undefined {
  if (error.code === 'BUILD_NO_SOURCE') return NO_SOURCE_HINT;
  return NODE_BUILTIN.test(error.message) ? BUILTIN_HINT : undefined;
}

function buildFailure(error: BuildError): CheckFailed {
  const hint = hintFor(error);
  const lines = ['build failed:', ...error.message.split('\n').map((line) => `  ${line}`), ...(hint ? [hint] : [])];
  const message = hint ? `${error.message}\n${hint}` : error.message;
  return new CheckFailed(lines.join('\n'), [{ code: error.code, path: 'src/index.ts', message }]);
}

/** Checks the manifest, bundles `src/index.ts` and writes the bundle where the manifest's `entry` says. */
export async function buildPlugin(dir: string): Promise<BuiltPlugin> {
  const manifest = await readManifest(dir);
  const code = await bundlePlugin(dir).catch((error: unknown) => {
    throw error instanceof BuildError ? buildFailure(error) : error;
  });
  const file = join(dir, manifest.entry);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, code);
  return { manifest, code, file, bytes: Buffer.byteLength(code) };
}

export async function buildCommand(dir: string): Promise<void> {
  const built = await buildPlugin(dir);
  say(`built ${built.manifest.name}@${built.manifest.version} → ${built.manifest.entry} (${built.bytes} bytes)`);
}
