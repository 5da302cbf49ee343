import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_API_VERSION } from '@guild/extension-points';
import { MANIFEST_SCHEMA, NAME_PATTERN, parseManifest } from '@guild/plugin-manifest';
import { MANIFEST_FILE } from '@guild/plugin-package';
import { CliError, UsageError } from './cli-error.js';
import { say } from './output.js';

// A template is a plugin folder: `templates/<template>/` (its manifest, code and tests), then `shared/`.
const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const TEMPLATE_NAMES = ['event', 'function'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface InitOptions {
  name: string;
  template: TemplateName;
  /** Where to create the plugin; defaults to `<slug>` in the current folder. */
  dir?: string;
}

/** The template's files by their path in the plugin's folder (`x.tmpl` is `x`, `gitignore.tmpl` is `.gitignore`). */
async function templateFiles(template: TemplateName): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const base of [join(TEMPLATES_DIR, template), join(TEMPLATES_DIR, 'shared')]) {
    for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const source = join(entry.parentPath, entry.name);
      files.set(relative(base, source).replace(/\.tmpl$/, '').replace(/^gitignore$/, '.gitignore'), source);
    }
  }
  return files;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);

/** `order-stats` → `Order stats`, within the manifest's limit. */
function displayNameOf(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return `${words[0].toUpperCase()}${words.slice(1)}`.slice(0, MANIFEST_SCHEMA.properties.displayName.maxLength).trim();
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
    throw new UsageError(`"${options.name}" is not a plugin name: use ${MANIFEST_SCHEMA.properties.name.description}, e.g. acme/hello`);
  }
  const [namespace, slug] = options.name.split('/');
  const dir = resolve(cwd, options.dir ?? slug);
  if (!(await isMissingOrEmpty(dir))) throw new CliError(`${dir} already exists and is not empty; choose another folder with --dir`);

  const files = await templateFiles(options.template);
  const values: Record<string, string> = { name: options.name, namespace, slug, displayName: displayNameOf(slug), hostApi: `^${HOST_API_VERSION}`, initial: slug[0].toUpperCase() };
  // The manifest first: the other files name what it declares.
  const manifestText = fill(await readFile(join(TEMPLATES_DIR, options.template, `${MANIFEST_FILE}.tmpl`), 'utf8'), values);
  const parsed = parseManifest(manifestText);
  if (!parsed.ok) throw new Error(`the ${options.template} template's ${MANIFEST_FILE} is invalid: ${JSON.stringify(parsed.errors)}`);
  const point = [...parsed.manifest.events, ...parsed.manifest.functions].join(', ');
  values.summary = parsed.manifest.summary;
  values.point = point;

  for (const [target, source] of files) {
    const text = target === MANIFEST_FILE ? manifestText : fill(await readFile(source, 'utf8'), values);
    await mkdir(dirname(join(dir, target)), { recursive: true });
    await writeFile(join(dir, target), text);
  }

  const shown = relative(cwd, dir) || '.';
  say(`created ${options.name} (${options.template} template, ${point}) in ${shown}:`);
  for (const file of [...files.keys()].sort()) say(`  ${file}`);
  say();
  say('next:');
  if (shown !== '.') say(`  cd ${shown}`);
  say('  npx guild-plugin test       # build and run the tests in the sandbox');
  say('  npx guild-plugin pack       # validate and package for upload');
}
