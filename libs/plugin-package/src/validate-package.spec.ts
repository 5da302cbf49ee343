import { jest } from '@jest/globals';
import { validatePackage, type EntryCheck, type PackageIssue } from './index.js';
import { buildTarball } from './tarball.js';

const manifest = {
  name: 'acme/ticket-triage',
  version: '0.3.0',
  hostApi: '^1.0.0',
  displayName: 'Ticket triage',
  summary: 'Classifies new tickets.',
  entry: 'index.js',
  functions: ['ticket.classify'],
  permissions: ['functions:ticket.classify'],
};
const source = '\uFEFFexport const functions = { "ticket.classify": () => ({}) };\n';

function packageWith(files: Record<string, string>) {
  return buildTarball(Object.entries(files).map(([path, body]) => ({ path, body: Buffer.from(body) })));
}

const goodPackage = () =>
  packageWith({ 'guild-plugin.json': JSON.stringify(manifest), 'index.js': source, 'README.md': '# Triage', 'icon.svg': '<svg/>' });

describe('validatePackage', () => {
  it('hands the checked manifest and the entry source to checkEntry, and merges its issues', async () => {
    const issue: PackageIssue = { code: 'SANDBOX_EXPORT_MISSING', message: 'ticket.classify is not exported', path: 'index.js' };
    const checkEntry = jest.fn<EntryCheck>().mockResolvedValue([issue]);
    const validation = await validatePackage(await goodPackage(), { checkEntry });

    expect(checkEntry).toHaveBeenCalledTimes(1);
    const [checkedManifest, checkedSource] = checkEntry.mock.calls[0];
    expect(checkedManifest).toMatchObject({ name: 'acme/ticket-triage', events: [] });
    expect(checkedSource).toBe(source.slice(1));
    expect(validation).toMatchObject({
      ok: false,
      errors: [issue],
      warnings: [{ code: 'PACKAGE_LICENSE_MISSING' }],
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      report: { manifest: { name: 'acme/ticket-triage', functions: ['ticket.classify'] } },
      manifest: { name: 'acme/ticket-triage' },
    });
    expect(validation.files?.has('index.js')).toBe(true);
  });

  it('is ok when checkEntry finds nothing, or when there is no checkEntry', async () => {
    const data = await goodPackage();
    expect(await validatePackage(data, { checkEntry: async () => [] })).toMatchObject({ ok: true, errors: [] });
    expect(await validatePackage(data)).toMatchObject({ ok: true, errors: [] });
  });

  it('does not run checkEntry on a package readPackage refused', async () => {
    const checkEntry = jest.fn<EntryCheck>().mockResolvedValue([]);
    const data = await packageWith({ 'guild-plugin.json': JSON.stringify(manifest), 'index.js': source, 'icon.svg': '<svg/>' });
    const validation = await validatePackage(data, { checkEntry });
    expect(checkEntry).not.toHaveBeenCalled();
    expect(validation).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'PACKAGE_README_MISSING' })],
      warnings: [],
      sha256: expect.any(String),
    });
  });

  it('passes the limits on', async () => {
    const validation = await validatePackage(await goodPackage(), { limits: { maxFiles: 2 } });
    expect(validation.errors).toEqual([expect.objectContaining({ code: 'PACKAGE_TOO_MANY_FILES' })]);
  });

  it('lets a failing sandbox fail the call rather than blame the package', async () => {
    const checkEntry: EntryCheck = async () => {
      throw new Error('sandbox unavailable');
    };
    await expect(validatePackage(await goodPackage(), { checkEntry })).rejects.toThrow('sandbox unavailable');
  });
});
