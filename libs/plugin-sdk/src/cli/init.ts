import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAME_PATTERN, parseManifest, type ManifestDocument } from '@guild/plugin-manifest';
import { MANIFEST_FILE } from '@guild/plugin-package';
import { CliError, UsageError } from './cli-error.js';
import { say } from './output.js';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const TEMPLATE_NAMES = ['event', 'function'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

type ManifestPart = Pick<ManifestDocument, 'summary' | 'events' | 'functions' | 'permissions' | 'settings'>;

const TEMPLATES: Record<TemplateName, ManifestPart> = {
  event: {
    summary: 'Counts paid orders and revenue per currency.',
    events: ['order.paid'],
    functions: [],
    permissions: ['events:order.paid', 'storage'],
    settings: {
      type: 'object',
      properties: { minimumAmount: { type: 'integer', minimum: 0, default: 0, title: 'Only count orders from (minor units)' } },
      additionalProperties: false,
    },
  },
  function: {
    summary: 'Sorts new support tickets into billing and general.',
    events: [],
    functions: ['ticket.classify'],
    permissions: ['functions:ticket.classify'],
    settings: { type: 'object', properties: {}, additionalProperties: false },
  },
};

export interface InitOptions {
  name: string;
  template: TemplateName;
  /** Where to create the plugin; defaults to `<slug>` in the current folder. */
  dir?: string;
}

function manifestFor(name: string, slug: string, part: ManifestPart): ManifestDocument {
  const words = slug.replace(/-/g, ' ');
  const displayName = `${words[0].toUpperCase()}${words.slice(1, 60)}`.trim();
  return {
    $schema: 'https://guild.dev/schemas/guild-plugin.json',
    name,
    version: '0.1.0',
    hostApi: '^1.0.0',
    displayName,
    ...part,
    entry: 'dist/index.js',
  };
}

/** Template files, relative to the plugin's folder (`gitignore.tmpl` becomes `.gitignore`). */
async function templateFiles(template: TemplateName): Promise<{ source: string; target: string }[]> {
  const files = [];
  for (const base of [join(TEMPLATES_DIR, template), join(TEMPLATES_DIR, 'shared')]) {
    for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const source = join(entry.parentPath, entry.name);
      const target = relative(base, source).replace(/\.tmpl$/, '').replace(/^gitignore$/, '.gitignore');
      files.push({ source, target });
    }
  }
  return files;
}

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') return ['(a file)'];
    throw error;
  });
  return entries.length === 0;
}

export async function initCommand(cwd: string, options: InitOptions): Promise<void> {
  if (!new RegExp(NAME_PATTERN).test(options.name)) {
    throw new UsageError(
      `"${options.name}" is not a plugin name: use namespace/slug in lower case (letters, digits and single hyphens, each starting with a letter; namespace 3-39 characters, slug 2-64), e.g. acme/hello`,
    );
  }
  const [namespace, slug] = options.name.split('/');
  const dir = resolve(cwd, options.dir ?? slug);
  if (!(await isMissingOrEmpty(dir))) throw new CliError(`${dir} already exists and is not empty; choose another folder with --dir`);

  const manifest = manifestFor(options.name, slug, TEMPLATES[options.template]);
  const parsed = parseManifest(manifest);
  if (!parsed.ok) throw new Error(`the ${options.template} template's manifest is invalid: ${JSON.stringify(parsed.errors)}`);
  const point = [...parsed.manifest.events, ...parsed.manifest.functions].join(', ');
  const { displayName, summary } = manifest;
  const values: Record<string, string> = { name: options.name, namespace, slug, displayName, summary, point, initial: slug[0].toUpperCase() };

  const written = [MANIFEST_FILE];
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const { source, target } of await templateFiles(options.template)) {
    const text = (await readFile(source, 'utf8')).replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
    await mkdir(dirname(join(dir, target)), { recursive: true });
    await writeFile(join(dir, target), text);
    written.push(target);
  }

  const shown = relative(cwd, dir) || '.';
  say(`created ${options.name} (${options.template} template, ${point}) in ${shown}:`);
  for (const file of written.sort()) say(`  ${file}`);
  say();
  say('next:');
  if (shown !== '.') say(`  cd ${shown}`);
  say('  npx guild-plugin test       # build and run the tests in the sandbox');
  say('  npx guild-plugin pack       # validate and package for upload');
}
