import type { RawEntry } from '../support/raw-tar.js';
import { rawTgz } from '../support/raw-tar.js';

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
  const files: RawEntry[] = [
    ...(plugin.changelog === null ? [] : [{ path: 'CHANGELOG.md', body: plugin.changelog ?? `# Changelog\n\n## ${plugin.version ?? '1.0.0'}\n\n- First release.\n` }]),
    { path: 'LICENSE', body: 'MIT\n' },
    { path: 'README.md', body: plugin.readme ?? '# Fair discount\n\nTakes **nothing** off.\n' },
    { path: 'dist/index.js', body: plugin.code ?? DISCOUNT_CODE },
    { path: 'guild-plugin.json', body: JSON.stringify(manifestOf(plugin), null, 2) },
    { path: 'icon.svg', body: ICON_SVG },
  ];
  return files;
}

export const pluginTgz = (plugin: InlinePlugin, extra: RawEntry[] = []): Buffer => rawTgz([...pluginEntries(plugin), ...extra]);
