import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { packPlugin, PackageError, PACKAGE_MTIME, readPackage } from './index.js';

const manifest = {
  name: 'acme/slack-alerts',
  version: '1.2.0',
  hostApi: '^1.0.0',
  displayName: 'Slack alerts',
  summary: 'Posts paid orders to a Slack channel.',
  entry: 'dist/index.js',
  events: ['order.paid'],
  permissions: ['events:order.paid'],
};

const tempDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'guild-plugin-package-'));
  tempDirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A plugin folder as a partner has it after a build: sources, dependencies and dotfiles included. */
async function pluginFolder(overrides: Record<string, string | null> = {}): Promise<string> {
  const dir = await tempDir();
  const files: Record<string, string | null> = {
    'guild-plugin.json': JSON.stringify(manifest, null, 2),
    'dist/index.js': 'export default {};\n',
    'README.md': '# Slack alerts\n',
    'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    LICENSE: 'MIT',
    'src/index.ts': 'export default {};\n',
    'node_modules/left-pad/index.js': 'module.exports = 1;\n',
    '.env': 'SECRET=1\n',
    'package.json': '{}',
    ...overrides,
  };
  for (const [path, body] of Object.entries(files)) {
    if (body === null) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), body);
  }
  return dir;
}

async function packError(dir: string): Promise<PackageError> {
  const error: unknown = await packPlugin(dir, { outDir: await tempDir() }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PackageError)) throw new Error(`expected a PackageError, got ${String(error)}`);
  return error;
}

function tarEntries(tgz: Buffer): ReadEntry[] {
  const entries: ReadEntry[] = [];
  const parser = new Parser({ strict: true });
  parser.on('entry', (entry: ReadEntry) => {
    entries.push(entry);
    entry.resume();
  });
  parser.end(gunzipSync(tgz));
  return entries;
}

describe('packPlugin', () => {
  it('packs exactly the package files into <slug>-<version>.tgz, with its sha256 beside it', async () => {
    const dir = await pluginFolder({ 'CHANGELOG.md': '## 1.2.0\n' });
    const outDir = join(await tempDir(), 'out');
    const packed = await packPlugin(dir, { outDir });

    expect(packed.file).toBe(join(outDir, 'slack-alerts-1.2.0.tgz'));
    expect(packed.files).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/index.js', 'guild-plugin.json', 'icon.svg']);
    expect(packed.warnings).toEqual([]);
    const data = await readFile(packed.file);
    expect(packed.bytes).toBe(data.length);
    expect(packed.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(await readFile(`${packed.file}.sha256`, 'utf8')).toBe(`${packed.sha256}  slack-alerts-1.2.0.tgz\n`);

    const read = await readPackage(data);
    expect(read).toMatchObject({ ok: true, sha256: packed.sha256, manifest: { name: 'acme/slack-alerts' } });
    expect(read.ok && read.files.get('dist/index.js')?.toString()).toBe('export default {};\n');
  });

  it('writes sorted entries with mode 0644, a fixed mtime and no owners', async () => {
    const dir = await pluginFolder();
    await chmod(join(dir, 'README.md'), 0o755);
    const entries = tarEntries(await readFile((await packPlugin(dir, { outDir: await tempDir() })).file));
    expect(entries.map((entry) => entry.path)).toEqual(['LICENSE', 'README.md', 'dist/index.js', 'guild-plugin.json', 'icon.svg']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ type: 'File', mode: 0o644, mtime: PACKAGE_MTIME, uname: '', gname: '' });
      expect(entry.uid ?? 0).toBe(0);
    }
  });

  it('is reproducible: the same files give the same bytes, whatever their times and modes', async () => {
    const dir = await pluginFolder();
    const first = await packPlugin(dir, { outDir: await tempDir() });
    await utimes(join(dir, 'dist/index.js'), new Date('2030-01-01'), new Date('2030-01-01'));
    await chmod(join(dir, 'LICENSE'), 0o600);
    const second = await packPlugin(dir, { outDir: await tempDir() });
    expect(second.sha256).toBe(first.sha256);
    expect(await readFile(second.file)).toEqual(await readFile(first.file));
  });

  it('writes beside the plugin by default, and packing again ignores the old package', async () => {
    const dir = await pluginFolder();
    const first = await packPlugin(dir);
    expect(first.file).toBe(join(dir, 'slack-alerts-1.2.0.tgz'));
    expect((await packPlugin(dir)).sha256).toBe(first.sha256);
  });

  it('warns about a missing LICENSE', async () => {
    const packed = await packPlugin(await pluginFolder({ LICENSE: null }), { outDir: await tempDir() });
    expect(packed.warnings).toEqual([expect.objectContaining({ code: 'PACKAGE_LICENSE_MISSING' })]);
  });

  it('refuses a folder without a README', async () => {
    const error = await packError(await pluginFolder({ 'README.md': null }));
    expect(error.code).toBe('PACKAGE_README_MISSING');
    // In the server's words: the folder's files are packed and read back with readPackage.
    expect(error.issues).toEqual([{ code: 'PACKAGE_README_MISSING', message: 'the package has no README.md; add one telling buyers what the plugin does', path: 'README.md' }]);
  });

  it('reports every missing file at once', async () => {
    const error = await packError(await pluginFolder({ 'README.md': null, 'icon.svg': null, 'dist/index.js': null }));
    expect(error.issues.map((issue) => issue.code)).toEqual(['PACKAGE_ENTRY_MISSING', 'PACKAGE_README_MISSING', 'PACKAGE_ICON_MISSING']);
    expect(error.message).toContain(
      'dist/index.js: the manifest\'s entry dist/index.js is not in the package; build the plugin (`guild-plugin build`) or correct "entry" in guild-plugin.json (PACKAGE_ENTRY_MISSING)',
    );
  });

  it('refuses a symlinked README, even one pointing inside the folder', async () => {
    const dir = await pluginFolder({ 'README.md': null, 'docs/README.md': '# hi' });
    await symlink(join(dir, 'docs/README.md'), join(dir, 'README.md'));
    const error = await packError(dir);
    expect(error.issues).toEqual([expect.objectContaining({ code: 'PACKAGE_LINK', path: 'README.md' })]);
  });

  it('refuses an entry reached through a symlinked folder', async () => {
    const dir = await pluginFolder({ 'dist/index.js': null, 'build/index.js': 'export default {};' });
    await rm(join(dir, 'dist'), { recursive: true, force: true });
    await symlink(join(dir, 'build'), join(dir, 'dist'));
    expect((await packError(dir)).issues).toEqual([expect.objectContaining({ code: 'PACKAGE_LINK', path: 'dist/index.js' })]);
  });

  it('refuses a README that is a folder', async () => {
    const dir = await pluginFolder({ 'README.md': null, 'README.md/x': 'x' });
    expect((await packError(dir)).issues).toEqual([expect.objectContaining({ code: 'PACKAGE_SPECIAL_FILE', path: 'README.md' })]);
  });

  it('refuses a folder without a manifest, or with an invalid one', async () => {
    expect((await packError(await pluginFolder({ 'guild-plugin.json': null }))).code).toBe('PACKAGE_MANIFEST_MISSING');
    expect((await packError(await tempDir())).issues.map((issue) => issue.code)).toEqual(['PACKAGE_MANIFEST_MISSING']);
    const invalid = await packError(await pluginFolder({ 'guild-plugin.json': JSON.stringify({ ...manifest, version: 'v1' }) }));
    expect(invalid.issues).toEqual([expect.objectContaining({ code: 'MANIFEST_SCHEMA', path: 'guild-plugin.json', pointer: '/version' })]);
  });

  it('refuses what the server would refuse, such as an icon that is not one', async () => {
    const error = await packError(await pluginFolder({ 'icon.svg': '<svg onload="alert(1)"/>' }));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'PACKAGE_ICON_INVALID', path: 'icon.svg' })]);
  });

  it('names the file after the slug and a pre-release version', async () => {
    const dir = await pluginFolder({ 'guild-plugin.json': JSON.stringify({ ...manifest, version: '2.0.0-beta.1' }) });
    expect(basename((await packPlugin(dir, { outDir: await tempDir() })).file)).toBe('slack-alerts-2.0.0-beta.1.tgz');
  });
});
