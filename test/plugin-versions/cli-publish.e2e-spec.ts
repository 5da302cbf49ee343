// `guild-plugin publish` as a partner's CI runs it: the real CLI process, an example plugin copied
// out of the repository, and a listening Guild app reached over HTTP with an API token.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { partnerFactories } from '../partners/partner-factory.js';
import { runCli, type CliRun } from '../plugin-cli/run-cli.js';
import { startTestApp } from '../support/app.js';
import { factories, type SignedIn } from '../support/factories.js';
import { call } from '../support/http.js';
import { createListing } from '../support/plugin-listings.js';
import { copyExample } from '../support/plugin-packages.js';

const SLOW = 90_000;

/** `guild-plugin publish`, with nothing of this machine's GUILD_API_* settings leaking in. */
function publish(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(['publish', ...args], cwd, { env: { GUILD_API_URL: '', GUILD_API_TOKEN: '', ...env } });
}

describe('guild-plugin publish', () => {
  let server: Awaited<ReturnType<typeof startTestApp>>;
  let owner: SignedIn;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    server = await startTestApp();
    owner = await factories(server.app).newMember('owner');
    const acme = await partnerFactories(server.app).newPartner(owner, { namespace: 'acme' });
    await createListing(server.app, acme.namespace, owner.accessToken, { plugin: 'volume-discount' });
    token = (await call(server.app, 'POST', '/v1/me/tokens', { token: owner.accessToken, body: { name: 'CI', scopes: ['plugins:publish'] } })).body.token as string;
    dir = await copyExample('volume-discount');
  }, SLOW);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('uploads the version with the token from the environment and says where to follow it', async () => {
    const run = await publish(['--api', server.url], dir, { GUILD_API_TOKEN: token });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('uploaded acme/volume-discount@1.0.0');
    expect(run.stdout).toMatch(/status {2}submitted: waiting for a Guild reviewer/);
    expect(run.stdout).toContain(`follow  ${server.url}/partners/acme/plugins/volume-discount`);
    const versions = await call(server.app, 'GET', '/v1/plugins/acme/volume-discount/versions', { token: owner.accessToken });
    expect(versions.body.items).toEqual([expect.objectContaining({ version: '1.0.0', status: 'submitted' })]);
  }, SLOW);

  it('is harmless to run again (a retried CI job), and speaks JSON', async () => {
    const run = await publish(['--api', server.url, '--token', token, '--json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, created: false, plugin: 'acme/volume-discount@1.0.0', version: { version: '1.0.0', status: 'submitted' } });
  }, SLOW);

  it('prints the code and exits 1 when Guild refuses the version', async () => {
    const manifestFile = join(dir, 'guild-plugin.json');
    const manifest = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, manifest.replace('"version": "1.0.0"', '"version": "0.9.0"'));
    try {
      const run = await publish(['--api', server.url], dir, { GUILD_API_TOKEN: token });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/not published: VERSION_NOT_GREATER \(HTTP 409\): 0\.9\.0 is not greater than 1\.0\.0/);
    } finally {
      await writeFile(manifestFile, manifest);
    }
  }, SLOW);

  it('refuses a token without the plugins:publish scope', async () => {
    const readOnly = (await call(server.app, 'POST', '/v1/me/tokens', { token: owner.accessToken, body: { name: 'read', scopes: ['profile:read'] } })).body.token as string;
    const run = await publish(['--api', server.url, '--json'], dir, { GUILD_API_TOKEN: readOnly });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, status: 403, error: { code: 'TOKEN_SCOPE_MISSING' } });
  }, SLOW);

  it('sends nothing when the local checks fail', async () => {
    const source = join(dir, 'src/index.ts');
    const code = await readFile(source, 'utf8');
    await writeFile(source, code.replace("'cart.discounts'", "'ticket.classify'"));
    try {
      const run = await publish(['--api', server.url], dir, { GUILD_API_TOKEN: token });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/ENTRY_EXPORT_/);
      expect(run.stderr).toContain('not published: fix the errors above');
    } finally {
      await writeFile(source, code);
    }
    const versions = await call(server.app, 'GET', '/v1/plugins/acme/volume-discount/versions', { token: owner.accessToken });
    expect(versions.body.items).toHaveLength(1);
  }, SLOW);

  it('needs a Guild URL and a token (usage error, exit 2)', async () => {
    const noToken = await publish(['--api', server.url], dir);
    expect([noToken.code, noToken.stderr]).toEqual([2, expect.stringContaining('no API token')]);
    const noUrl = await publish([], dir, { GUILD_API_TOKEN: token });
    expect([noUrl.code, noUrl.stderr]).toEqual([2, expect.stringContaining('no Guild URL')]);
  }, SLOW);
});
