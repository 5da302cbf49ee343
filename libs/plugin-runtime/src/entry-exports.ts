// The package check that needs the sandbox: load the entry and compare its handlers with the
// manifest. The server's upload check and the SDK CLI's `validate` both use it, as
// `validatePackage`'s `checkEntry`.
import type { Manifest } from '@guild/plugin-manifest';
import { MANIFEST_FILE, type PackageIssue } from '@guild/plugin-package';
import type { PluginExports, PluginRuntime } from './plugin-runtime.js';

export const EntryIssueCode = {
  LoadFailed: 'ENTRY_LOAD_FAILED',
  ExportMissing: 'ENTRY_EXPORT_MISSING',
  ExportUndeclared: 'ENTRY_EXPORT_UNDECLARED',
} as const;

/** The handlers a loaded entry exports against the points its manifest declares, both ways. */
function compareExports(manifest: Manifest, exported: PluginExports): PackageIssue[] {
  const entry = manifest.entry.replace(/^\.\//, '');
  if (!exported.ok) {
    const reason = exported.error ? `${exported.error.code}: ${exported.error.message}` : 'no reason given';
    return [{ code: EntryIssueCode.LoadFailed, path: entry, message: `the entry file failed to load in the sandbox (${reason})` }];
  }
  const issues: PackageIssue[] = [];
  for (const kind of ['events', 'functions'] as const) {
    const declared: readonly string[] = manifest[kind];
    const handlers = exported[kind];
    declared.forEach((point, index) => {
      if (handlers.includes(point)) return;
      const message = `declares ${point} in "${kind}" but the entry exports no ${kind}['${point}'] handler; add it to definePlugin({ ${kind} }) or remove it from the manifest`;
      issues.push({ code: EntryIssueCode.ExportMissing, path: MANIFEST_FILE, pointer: `/${kind}/${index}`, message });
    });
    for (const handler of handlers.filter((name) => !declared.includes(name))) {
      const message = `exports the handler ${kind}['${handler}'], which the manifest does not declare; add "${handler}" (and its permission) to the manifest's "${kind}" or remove the handler`;
      issues.push({ code: EntryIssueCode.ExportUndeclared, path: entry, message });
    }
  }
  return issues;
}

/**
 * `validatePackage`'s `checkEntry`: loads `source` in a fresh sandbox within the manifest's own
 * limits (a top level that loops or allocates without end is stopped) and compares its handlers.
 */
export async function checkEntryExports(runtime: PluginRuntime, manifest: Manifest, source: string): Promise<PackageIssue[]> {
  return compareExports(manifest, await runtime.inspect({ manifest, code: source }));
}
