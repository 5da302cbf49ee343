import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPlugin, type PackedPlugin } from '@guild/plugin-package';
import { bundlePlugin } from '../../libs/plugin-sdk/src/build.js';
import { rawTgz, type RawEntry } from './raw-tar.js';

// Plugin packages for upload tests: small ones written inline (byte by byte, so a test can break
// any part of them), and the repository's example plugins packed as a partner packs them.

/** A small, sound plugin: one `cart.discounts` function. Options change one part at a time. */
export interface InlinePlugin {
  name: string;
  version?: string;
  /** Merged over the manifest (undefined removes a field). */
  manifest?: Record<string, unknown>;
  /** The entry's source (dist/index.js). */
  code?: string;
  readme?: string;
  changelog?: string | null;
}

export const DISCOUNT_CODE = `export default { functions: { 'cart.discounts': (cart) => ({ discounts: [] }) } };\n`;
export const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#36c"/></svg>\n';

export function manifestOf(plugin: InlinePlugin): Record<string, unknown> {
  return {
    name: plugin.name,
    version: plugin.version ?? '1.0.0',
    hostApi: '^1.0.0',
    displayName: 'Fair discount',
    summary: 'Takes nothing off, fairly.',
    entry: 'dist/index.js',
    functions: ['cart.discounts'],
    permissions: ['functions:cart.discounts'],
    limits: { memoryMb: 16, timeoutMs: 200 },
    ...plugin.manifest,
  };
}

/** The files of the package, sorted as `guild-plugin pack` writes them. */
export function pluginEntries(plugin: InlinePlugin): RawEntry[] {
  return [
    ...(plugin.changelog === null ? [] : [{ path: 'CHANGELOG.md', body: plugin.changelog ?? `# Changelog\n\n## ${plugin.version ?? '1.0.0'}\n\n- First release.\n` }]),
    { path: 'LICENSE', body: 'MIT\n' },
    { path: 'README.md', body: plugin.readme ?? '# Fair discount\n\nTakes **nothing** off.\n' },
    { path: 'dist/index.js', body: plugin.code ?? DISCOUNT_CODE },
    { path: 'guild-plugin.json', body: JSON.stringify(manifestOf(plugin), null, 2) },
    { path: 'icon.svg', body: ICON_SVG },
  ];
}

export const pluginTgz = (plugin: InlinePlugin, extra: RawEntry[] = []): Buffer => rawTgz([...pluginEntries(plugin), ...extra]);

const EXAMPLES = fileURLToPath(new URL('../../plugins/', import.meta.url));

/** A copy of the example plugin plugins/<example>, without its build output and dependencies, in a fresh temporary folder. */
export async function copyExample(example: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `guild-${example}-`));
  await cp(join(EXAMPLES, example), dir, { recursive: true, filter: (source) => !/[/\\](dist|node_modules)$/.test(source) });
  return dir;
}

export interface PackedExample extends PackedPlugin {
  /** The temporary copy it was built in (the caller removes it); the package is in `<dir>/out`. */
  dir: string;
  /** The package's bytes. */
  data: Buffer;
}

/** plugins/<example> bundled and packed exactly as `guild-plugin pack` does; `manifest` is merged over its manifest first. */
export async function packExample(example: string, manifest: Record<string, unknown> = {}): Promise<PackedExample> {
  const dir = await copyExample(example);
  if (Object.keys(manifest).length > 0) {
    const file = join(dir, 'guild-plugin.json');
    await writeFile(file, JSON.stringify({ ...(JSON.parse(await readFile(file, 'utf8')) as object), ...manifest }, null, 2));
  }
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'dist/index.js'), await bundlePlugin(dir));
  const packed = await packPlugin(dir, { outDir: join(dir, 'out') });
  return { ...packed, dir, data: await readFile(packed.file) };
}
