// The plugin browser tests' packages: the example plugin packed into a test's namespace as a partner
// packs it, one the server's validator must refuse, and files on disk for a file input to pick.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTarball } from '../../libs/plugin-package/src/tarball.js';
import { packExample as packPluginExample, type PackedExample } from '../support/plugin-packages.js';

/** plugins/volume-discount renamed into `namespace`, bundled and packed as `guild-plugin pack` does; `manifest` is merged over its manifest. */
export const packExample = (namespace: string, manifest: Record<string, unknown> = {}): Promise<PackedExample> =>
  packPluginExample('volume-discount', { name: `${namespace}/volume-discount`, ...manifest });

/**
 * The example with a permission no host API knows, packed byte for byte as the CLI would (the CLI
 * itself refuses to pack it): the server's validator must refuse it and say why.
 */
export async function packWithUnknownPermission(namespace: string): Promise<string> {
  const { dir } = await packExample(namespace, { version: '1.0.1' });
  const manifest = JSON.parse(await readFile(join(dir, 'guild-plugin.json'), 'utf8')) as { permissions: string[] };
  manifest.permissions = [...manifest.permissions, 'teleport:everywhere'];
  const files = await Promise.all(
    ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/index.js', 'icon.svg'].map(async (path) => ({ path, body: await readFile(join(dir, path)) })),
  );
  const tarball = await buildTarball([...files, { path: 'guild-plugin.json', body: Buffer.from(JSON.stringify(manifest, null, 2)) }]);
  const file = join(dir, 'out', 'volume-discount-unknown-permission.tgz');
  await writeFile(file, tarball);
  return file;
}

/** Writes `data` to a temporary file named `name` (for setInputFiles) and returns its path. */
export async function tempFile(name: string, data: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guild-browser-file-'));
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
}
