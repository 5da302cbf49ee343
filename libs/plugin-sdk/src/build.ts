import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A plugin imports `definePlugin` from the SDK; bundle this very SDK, wherever the plugin lives.
const SDK_ENTRY = fileURLToPath(new URL(`./index.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));

export const SOURCE_ENTRIES = ['src/index.ts', 'src/index.js'];

export class BuildError extends Error {
  constructor(
    readonly code: 'BUILD_NO_SOURCE' | 'BUILD_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export function sourceEntry(dir: string): string {
  const entry = SOURCE_ENTRIES.map((file) => join(dir, file)).find((file) => existsSync(file));
  if (!entry) throw new BuildError('BUILD_NO_SOURCE', `no ${SOURCE_ENTRIES.join(' or ')} in ${dir}`);
  return entry;
}

/**
 * Bundles a plugin's source into the one ES module the sandbox loads. `platform: 'neutral'`
 * means Node built-ins do not resolve: a plugin that imports `fs` fails here, not at run time.
 */
export async function bundlePlugin(dir: string): Promise<string> {
  const result = await build({
    entryPoints: [sourceEntry(dir)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2023',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    alias: { '@guild/plugin-sdk': SDK_ENTRY },
  }).catch((error: unknown) => {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    const lines = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
    throw new BuildError('BUILD_FAILED', lines.join('\n') || String(error));
  });
  return result.outputFiles[0].text;
}
