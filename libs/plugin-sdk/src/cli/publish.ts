import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PackageIssue } from '@guild/plugin-package';
import { CliError, EXIT, UsageError } from './cli-error.js';
import { checkPlugin, withTempDir } from './check-plugin.js';
import { formatIssue, printJson, say, warn } from './output.js';
import { refuseCheck } from './validate.js';

export interface PublishOptions {
  /** Guild's base URL; default GUILD_API_URL. */
  api?: string;
  /** An API token with the plugins:publish scope; default GUILD_API_TOKEN. */
  token?: string;
  json: boolean;
}

/** What the API answers about an uploaded version (the fields printed here). */
interface UploadedVersion {
  plugin: string;
  version: string;
  status: string;
  sha256: string;
}

interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: PackageIssue[] } };
}

const STATUS_TEXT: Record<string, string> = {
  submitted: 'waiting for a Guild reviewer',
  in_review: 'being reviewed',
  published: 'published',
  rejected: 'rejected (see the reviewer’s reasons)',
  changes_requested: 'changes requested by the reviewer',
  withdrawn: 'withdrawn',
};

function apiBase(value: string | undefined): URL {
  if (!value) throw new UsageError('no Guild URL: pass --api https://guild.example.com or set GUILD_API_URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--api must be an http(s) URL (got "${value}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--api must be an http(s) URL (got "${value}")`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * Builds, validates and packs exactly as `pack` does, then uploads the package to
 * POST /v1/plugins/{namespace}/{plugin}/versions with the token. A package the local checks refuse
 * is never sent; one the server refuses is reported issue by issue.
 */
export async function publishCommand(dir: string, options: PublishOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const base = apiBase(options.api ?? env.GUILD_API_URL);
  const token = options.token ?? env.GUILD_API_TOKEN;
  if (!token) throw new UsageError('no API token: pass --token or set GUILD_API_TOKEN to a token with the plugins:publish scope (create one under Profile → API tokens)');

  return withTempDir(async (workDir) => {
    const check = await checkPlugin(dir, workDir);
    if (!check.ok || !check.packed || !check.report) return refuseCheck(check, { json: options.json, notDone: 'not published', extra: { uploaded: false } });
    const { name, version } = check.report.manifest;
    const [namespace, plugin] = name.split('/');
    const url = new URL(`v1/plugins/${encodeURIComponent(namespace)}/${encodeURIComponent(plugin)}/versions`, base);
    const form = new FormData();
    form.append('package', new Blob([await readFile(check.packed.file)], { type: 'application/gzip' }), basename(check.packed.file));

    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, body: form });
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      throw new CliError(`could not reach Guild at ${base.origin}: ${cause}`);
    }
    const body = (await response.json().catch(() => ({}))) as UploadedVersion & ApiErrorBody;

    if (!response.ok) {
      const error = body.error ?? { code: `HTTP_${response.status}`, message: response.statusText };
      const issues = error.details?.issues ?? [];
      if (options.json) {
        printJson({ ok: false, uploaded: false, plugin: check.plugin, status: response.status, error });
      } else {
        warn(`not published: ${error.code ?? 'ERROR'} (HTTP ${response.status}): ${error.message ?? ''}`);
        for (const issue of issues) warn(`  ${formatIssue(issue)}`);
      }
      return EXIT.failed;
    }

    const created = response.status === 201;
    const follow = new URL(`partners/${encodeURIComponent(namespace)}/plugins/${encodeURIComponent(plugin)}`, base).href;
    if (body.sha256 !== check.packed.sha256) {
      throw new CliError(`Guild stored ${name}@${version} with sha256 ${body.sha256}, but the package sent has ${check.packed.sha256}; contact Guild support`);
    }
    if (options.json) {
      printJson({ ok: true, uploaded: true, created, plugin: check.plugin, version: body, follow, warnings: check.warnings });
    } else {
      say(created ? `uploaded ${name}@${version}` : `${name}@${version} was already uploaded with this very package; nothing changed`);
      say(`  status  ${body.status}: ${STATUS_TEXT[body.status] ?? body.status}`);
      say(`  sha256  ${body.sha256}`);
      say(`  follow  ${follow}`);
      for (const issue of check.warnings) say(`  warning ${formatIssue(issue)}`);
    }
    return EXIT.ok;
  });
}
