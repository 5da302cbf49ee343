// The guild-plugin CLI as partners run it: real processes, real plugin folders, the real sandbox.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checksums, removeDir, REPO, runCli, scratchDir, type CliRun } from './run-cli.js';

const SLOW = 60_000;
const output = (run: CliRun) => `${run.stdout}\n${run.stderr}`;

let scratch: string;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(() => removeDir(scratch));

/** A fresh plugin from a template, in its own folder. */
async function scaffold(name: string, template: 'event' | 'function' = 'event'): Promise<string> {
  const run = await runCli(['init', name, '--template', template], scratch);
  expect(run).toMatchObject({ code: 0 });
  return join(scratch, name.split('/')[1]);
}

async function editJson(file: string, edit: (value: Record<string, unknown>) => void): Promise<void> {
  const value = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  await writeFile(file, JSON.stringify(value, null, 2));
}

describe.each(['event', 'function'] as const)('a plugin from the %s template', (template) => {
  let dir: string;
  let out: string;
  beforeAll(async () => {
    dir = await scaffold(`acme/from-${template}`, template);
    out = join(scratch, `out-${template}`);
  }, SLOW);

  it('has every file the scaffold promises', () => {
    for (const file of ['guild-plugin.json', 'src/index.ts', 'test/plugin.test.ts', 'README.md', 'CHANGELOG.md', 'icon.svg', 'package.json']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
  });

  it('builds to the manifest entry', async () => {
    const run = await runCli(['build'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dist\/index\.js \(\d+ bytes\)/);
    expect(await readFile(join(dir, 'dist/index.js'), 'utf8')).toContain('export');
  }, SLOW);

  it('validates', async () => {
    const run = await runCli(['validate', '--json'], dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, plugin: `acme/from-${template}@0.1.0`, errors: [] });
    expect(report.report.files.map((file: { path: string }) => file.path)).toEqual(['CHANGELOG.md', 'README.md', 'dist/index.js', 'guild-plugin.json', 'icon.svg']);
  }, SLOW);

  it('packs a tgz whose .sha256 is its real sha256', async () => {
    const run = await runCli(['pack', '--out', out], dir);
    expect(run.code).toBe(0);
    const file = join(out, `from-${template}-0.1.0.tgz`);
    expect(existsSync(file)).toBe(true);
    const sums = await checksums(file);
    expect(sums).toEqual({ actual: sums.actual, recorded: sums.actual, name: basename(file) });
    expect(run.stdout).toContain(sums.actual);
  }, SLOW);

  it('passes its own tests', async () => {
    const run = await runCli(['test'], dir);
    expect({ code: run.code, output: output(run) }).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(/# pass 2/);
  }, SLOW);
});

describe('refusals', () => {
  it('validate refuses handlers that do not match the manifest', async () => {
    const dir = await scaffold('acme/mismatch');
    const source = join(dir, 'src/index.ts');
    await writeFile(source, (await readFile(source, 'utf8')).replace(/'order\.paid': async \(order, ctx\)/, "'invoice.created': async (order, ctx)"));
    const run = await runCli(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ENTRY_EXPORT_MISSING guild-plugin\.json#\/events\/0 .*order\.paid/);
    expect(run.stdout).toMatch(/ENTRY_EXPORT_UNDECLARED dist\/index\.js .*invoice\.created/);
    const pack = await runCli(['pack', '--json'], dir);
    expect(pack.code).toBe(1);
    expect(JSON.parse(pack.stdout).errors.map((issue: { code: string }) => issue.code).sort()).toEqual(['ENTRY_EXPORT_MISSING', 'ENTRY_EXPORT_UNDECLARED']);
    expect(existsSync(join(dir, 'mismatch-0.1.0.tgz'))).toBe(false);
  }, SLOW);

  it('validate stops a plugin whose top level never returns, within the manifest limit', async () => {
    const dir = await scaffold('acme/forever');
    await editJson(join(dir, 'guild-plugin.json'), (manifest) => {
      manifest.limits = { timeoutMs: 200 };
    });
    await writeFile(join(dir, 'src/index.ts'), `${await readFile(join(dir, 'src/index.ts'), 'utf8')}\nwhile (true) {}\n`);
    const run = await runCli(['validate'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ENTRY_LOAD_FAILED dist\/index\.js .*LOAD_CPU_TIME_EXCEEDED.*200 ms/);
  }, SLOW);

  it('build refuses a plugin importing node:fs, saying why', async () => {
    const dir = await scaffold('acme/reads-files');
    await writeFile(join(dir, 'src/index.ts'), `import { readFileSync } from 'node:fs';\n${await readFile(join(dir, 'src/index.ts'), 'utf8')}\nreadFileSync('/etc/passwd');\n`);
    const run = await runCli(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not resolve "node:fs"');
    expect(run.stderr).toContain('no Node.js built-in modules');
    expect(existsSync(join(dir, 'dist/index.js'))).toBe(false);
  }, SLOW);

  it('build refuses an invalid manifest, listing its problems', async () => {
    const dir = await scaffold('acme/bad-manifest');
    await editJson(join(dir, 'guild-plugin.json'), (manifest) => {
      manifest.permissions = ['storage'];
    });
    const run = await runCli(['build'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PERMISSION_MISSING guild-plugin\.json#\/events\/0/);
  }, SLOW);

  it('test fails when a test fails, and when there are none', async () => {
    const dir = await scaffold('acme/failing');
    const test = join(dir, 'test/plugin.test.ts');
    await writeFile(test, (await readFile(test, 'utf8')).replace("{ orders: 2, 'revenue:EUR': 12200 }", "{ orders: 3, 'revenue:EUR': 12200 }"));
    expect((await runCli(['test'], dir)).code).toBe(1);
    await removeDir(join(dir, 'test'));
    const none = await runCli(['test'], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no test files');
  }, SLOW);

  it('init refuses a folder that is not empty', async () => {
    await scaffold('acme/taken');
    const run = await runCli(['init', 'acme/taken'], scratch);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('not empty');
  }, SLOW);

  it('commands outside a plugin folder say so', async () => {
    const run = await runCli(['validate'], scratch);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no guild-plugin.json');
  }, SLOW);
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['build', '--nope']],
    [['build', 'extra']],
    [['init']],
    [['init', 'Not/A-Name']],
    [['init', 'acme/x', '--template', 'widget']],
    [['pack', '--out']],
  ])('guild-plugin %j exits 2', async (args) => {
    const run = await runCli(args, scratch);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage|guild-plugin:/);
  }, SLOW);

  it.each([REPO, join(REPO, 'plugins')])('npx guild-plugin --help works in %s', async (cwd) => {
    const run = await runCli(['--help'], cwd, { npx: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: guild-plugin <command>');
    const init = await runCli(['init', '--help'], cwd, { npx: true });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('--template event|function');
  }, SLOW);
});

const EXAMPLES = ['chat-notifier', 'volume-discount', 'ticket-classifier'];

describe.each(EXAMPLES)('the %s example plugin', (example) => {
  const dir = join(REPO, 'plugins', example);

  it('builds, packs and passes its tests with npx guild-plugin', async () => {
    const build = await runCli(['build'], dir, { npx: true });
    expect({ code: build.code, output: output(build) }).toMatchObject({ code: 0 });

    const pack = await runCli(['pack', '--out', join(scratch, 'examples'), '--json'], dir, { npx: true });
    expect({ code: pack.code, output: output(pack) }).toMatchObject({ code: 0 });
    const packed = JSON.parse(pack.stdout);
    expect(existsSync(packed.file)).toBe(true);
    expect(basename(packed.file)).toMatch(new RegExp(`^${example}-\\d+\\.\\d+\\.\\d+.*\\.tgz$`));
    const sums = await checksums(packed.file);
    expect(sums).toEqual({ actual: packed.sha256, recorded: packed.sha256, name: basename(packed.file) });

    const test = await runCli(['test'], dir, { npx: true });
    expect({ code: test.code, output: output(test) }).toMatchObject({ code: 0 });
  }, 120_000);
});
