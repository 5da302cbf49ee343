import { createHash, randomBytes } from 'node:crypto';
import { readPackage, type PackageIssue } from './index.js';
import { buildTarball, type PackageFile } from './tarball.js';

const manifest = {
  name: 'acme/slack-alerts',
  version: '1.2.0',
  hostApi: '^1.0.0',
  displayName: 'Slack alerts',
  summary: 'Posts paid orders and new tickets to a Slack channel.',
  entry: 'dist/index.js',
  events: ['order.paid', 'ticket.created'],
  permissions: ['events:order.paid', 'events:ticket.created', 'http:hooks.slack.com'],
  settings: {
    type: 'object',
    properties: { webhookUrl: { type: 'string', format: 'uri', secret: true }, channel: { type: 'string' } },
    additionalProperties: false,
  },
};
const svgIcon = '<?xml version="1.0"?>\n<!-- a bell -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="6"/></svg>\n';
const pngIcon = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** The files of a good package; `null` leaves one out. */
function packageFiles(overrides: Record<string, string | Buffer | null> = {}): PackageFile[] {
  const files: Record<string, string | Buffer | null> = {
    'guild-plugin.json': JSON.stringify(manifest, null, 2),
    'dist/index.js': 'export default { events: {} };\n',
    'README.md': '# Slack alerts\n',
    'icon.svg': svgIcon,
    LICENSE: 'MIT',
    ...overrides,
  };
  return Object.entries(files).flatMap(([path, body]) => (body === null ? [] : [{ path, body: Buffer.from(body) }]));
}

const packageOf = (overrides?: Record<string, string | Buffer | null>) => buildTarball(packageFiles(overrides));

async function errorsOf(data: Buffer | Promise<Buffer>): Promise<PackageIssue[]> {
  const result = await readPackage(await data);
  if (result.ok) throw new Error('expected the package to be refused');
  return result.errors;
}

async function codesOf(data: Buffer | Promise<Buffer>): Promise<string[]> {
  return (await errorsOf(data)).map((issue) => issue.code);
}

describe('readPackage: a good package', () => {
  it('returns the files, the checked manifest, the hash and a report', async () => {
    const data = await packageOf({ 'CHANGELOG.md': '## 1.2.0\n' });
    const result = await readPackage(data);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));

    expect(result.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect([...result.files.keys()].sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/index.js', 'guild-plugin.json', 'icon.svg']);
    expect(result.files.get('README.md')?.toString()).toBe('# Slack alerts\n');
    expect(result.manifest).toMatchObject({ name: 'acme/slack-alerts', functions: [], limits: { memoryMb: 64 } });
    expect(result.warnings).toEqual([]);
    expect(result.report).toEqual({
      files: [
        { path: 'CHANGELOG.md', bytes: 9 },
        { path: 'LICENSE', bytes: 3 },
        { path: 'README.md', bytes: 15 },
        { path: 'dist/index.js', bytes: 31 },
        { path: 'guild-plugin.json', bytes: expect.any(Number) },
        { path: 'icon.svg', bytes: Buffer.byteLength(svgIcon) },
      ],
      compressedBytes: data.length,
      uncompressedBytes: expect.any(Number),
      manifest: {
        name: 'acme/slack-alerts',
        version: '1.2.0',
        displayName: 'Slack alerts',
        summary: manifest.summary,
        hostApi: '^1.0.0',
        entry: 'dist/index.js',
        icon: 'icon.svg',
        events: ['order.paid', 'ticket.created'],
        functions: [],
        permissions: manifest.permissions,
        settings: ['webhookUrl', 'channel'],
        secretSettings: ['webhookUrl'],
        limits: { memoryMb: 64, timeoutMs: 1000 },
      },
    });
    expect(result.report.uncompressedBytes).toBeGreaterThan(6 * 1024);
  });

  it('accepts a PNG icon and an entry written with "./"', async () => {
    const result = await readPackage(
      await packageOf({ 'icon.svg': null, 'icon.png': pngIcon, 'guild-plugin.json': JSON.stringify({ ...manifest, entry: './dist/index.js' }) }),
    );
    expect(result).toMatchObject({ ok: true, report: { manifest: { icon: 'icon.png' } } });
  });

  it('warns, but accepts, a package without a LICENSE', async () => {
    const result = await readPackage(await packageOf({ LICENSE: null }));
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'PACKAGE_LICENSE_MISSING' }] });
  });

  it('strips an npm-style package/ prefix when every entry has it', async () => {
    const prefixed = packageFiles().map((file) => ({ ...file, path: `package/${file.path}` }));
    const result = await readPackage(await buildTarball(prefixed));
    expect(result.ok && [...result.files.keys()].sort()).toEqual(['LICENSE', 'README.md', 'dist/index.js', 'guild-plugin.json', 'icon.svg']);
  });

  it('keeps the prefix when only some entries have it', async () => {
    const errors = await errorsOf(buildTarball([...packageFiles(), { path: 'package/README.md', body: Buffer.from('#') }]));
    expect(errors).toEqual([expect.objectContaining({ code: 'PACKAGE_UNEXPECTED_FILE', path: 'package/README.md' })]);
  });

  it('accepts a reader that passes a Uint8Array', async () => {
    const data = await packageOf();
    expect((await readPackage(new Uint8Array(data))).ok).toBe(true);
  });
});

describe('readPackage: the manifest', () => {
  it('refuses a package without one', async () => {
    expect(await errorsOf(packageOf({ 'guild-plugin.json': null }))).toEqual([
      { code: 'PACKAGE_MANIFEST_MISSING', message: 'the package has no guild-plugin.json; add one at its root (`guild-plugin init` writes a starter)', path: 'guild-plugin.json' },
    ]);
  });

  it('refuses one that is not JSON', async () => {
    const errors = await errorsOf(packageOf({ 'guild-plugin.json': '{ "name": ' }));
    expect(errors).toEqual([expect.objectContaining({ code: 'MANIFEST_INVALID_JSON', path: 'guild-plugin.json' })]);
  });

  it('refuses one that is not UTF-8', async () => {
    const errors = await errorsOf(packageOf({ 'guild-plugin.json': Buffer.from([0x7b, 0xff, 0x7d]) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'MANIFEST_INVALID_JSON', message: 'is not UTF-8 text; save it as UTF-8' })]);
  });

  it('passes parseManifest’s problems through, with their JSON Pointer', async () => {
    const errors = await errorsOf(packageOf({ 'guild-plugin.json': JSON.stringify({ ...manifest, permissions: ['events:order.paid'] }) }));
    expect(errors).toEqual([expect.objectContaining({ code: 'PERMISSION_MISSING', path: 'guild-plugin.json', pointer: expect.stringMatching(/^\//) })]);
  });

  it('refuses a 5 MB manifest as too large without reading it into memory', async () => {
    // Random text, so the size limit, not the compression ratio, is what refuses it.
    const huge = JSON.stringify({ ...manifest, summary: randomBytes(3_750_000).toString('base64') });
    const errors = await errorsOf(packageOf({ 'guild-plugin.json': huge }));
    expect(errors).toEqual([expect.objectContaining({ code: 'MANIFEST_TOO_LARGE', path: 'guild-plugin.json' })]);
  });

  it('reports the README and icon along with the manifest, but not files it cannot judge yet', async () => {
    const codes = await codesOf(packageOf({ 'guild-plugin.json': '[]', 'README.md': null, 'icon.svg': null, 'notes.txt': 'x' }));
    expect(codes).toEqual(['MANIFEST_NOT_OBJECT', 'PACKAGE_README_MISSING', 'PACKAGE_ICON_MISSING']);
  });
});

describe('readPackage: the other files', () => {
  it('refuses a package without a README', async () => {
    expect(await codesOf(packageOf({ 'README.md': null }))).toEqual(['PACKAGE_README_MISSING']);
  });

  it('refuses a package without the entry the manifest names', async () => {
    expect(await errorsOf(packageOf({ 'dist/index.js': null }))).toEqual([
      expect.objectContaining({ code: 'PACKAGE_ENTRY_MISSING', path: 'dist/index.js' }),
    ]);
  });

  it('refuses an entry that is not UTF-8', async () => {
    expect(await codesOf(packageOf({ 'dist/index.js': Buffer.from([0x63, 0xc3, 0x28]) }))).toEqual(['PACKAGE_ENTRY_INVALID']);
  });

  it('refuses a package without an icon, or with two', async () => {
    expect(await codesOf(packageOf({ 'icon.svg': null }))).toEqual(['PACKAGE_ICON_MISSING']);
    expect(await codesOf(packageOf({ 'icon.png': pngIcon }))).toEqual(['PACKAGE_ICON_INVALID']);
  });

  it.each([
    ['a PNG that is not one', { 'icon.svg': null, 'icon.png': svgIcon }, 'is not a PNG image'],
    ['an SVG that is a PNG', { 'icon.svg': pngIcon }, 'is not UTF-8 text'],
    ['an SVG with a script', { 'icon.svg': '<svg><script>alert(1)</script></svg>' }, 'has a <script> element'],
    ['an SVG with an event handler', { 'icon.svg': '<svg onload="alert(1)"></svg>' }, 'has an event handler attribute (on…=)'],
    ['an HTML file', { 'icon.svg': '<html><body>hi</body></html>' }, 'is not an SVG document (its root element must be <svg>)'],
    ['an SVG over 256 KiB', { 'icon.svg': randomBytes(200 * 1024).toString('base64') }, 'is larger than 256 KiB'],
  ])('refuses %s', async (_kind, overrides, reason) => {
    const [error] = await errorsOf(packageOf(overrides));
    expect(error).toMatchObject({ code: 'PACKAGE_ICON_INVALID', message: expect.stringContaining(reason) });
  });

  it('refuses every file a package does not hold, hinting at case mistakes', async () => {
    const errors = await errorsOf(packageOf({ 'README.md': null, 'readme.md': '# hi', 'src/index.ts': 'x', 'node_modules/x/index.js': 'x' }));
    expect(errors).toEqual([
      { code: 'PACKAGE_README_MISSING', message: 'the package has no README.md; add one telling buyers what the plugin does', path: 'README.md' },
      expect.objectContaining({ code: 'PACKAGE_UNEXPECTED_FILE', path: 'node_modules/x/index.js' }),
      { code: 'PACKAGE_UNEXPECTED_FILE', message: 'readme.md is not part of a plugin package; rename it to README.md', path: 'readme.md' },
      expect.objectContaining({ code: 'PACKAGE_UNEXPECTED_FILE', path: 'src/index.ts' }),
    ]);
  });

  it('returns the hash of a refused package too', async () => {
    const data = await packageOf({ 'README.md': null });
    expect(await readPackage(data)).toMatchObject({ ok: false, sha256: createHash('sha256').update(data).digest('hex') });
  });
});

describe('readPackage: limits', () => {
  it('takes lower limits from the caller', async () => {
    const result = await readPackage(await packageOf({ 'README.md': 'x'.repeat(4096) }), { maxFileBytes: 1024 });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'PACKAGE_FILE_TOO_LARGE', path: 'README.md' }] });
  });

  it('refuses limits that are not positive numbers', async () => {
    const data = await packageOf();
    await expect(readPackage(data, { maxFiles: 0 })).rejects.toThrow(RangeError);
    await expect(readPackage(data, { maxCompressionRatio: Number.NaN })).rejects.toThrow('maxCompressionRatio');
  });
});
