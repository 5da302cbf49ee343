import type { PackageIssue } from '@guild/plugin-package';

// Human-readable lines go to stdout, problems to stderr; `--json` commands print one JSON document on stdout.
export const say = (line = ''): void => void process.stdout.write(`${line}\n`);
export const warn = (line: string): void => void process.stderr.write(`${line}\n`);
export const printJson = (value: unknown): void => say(JSON.stringify(value, null, 2));

/** `CODE path message`: the path is the file in the package, with `#pointer` inside the manifest; `-` for the whole package. */
export function formatIssue(issue: PackageIssue): string {
  const where = issue.path === undefined ? '-' : `${issue.path}${issue.pointer ? `#${issue.pointer}` : ''}`;
  return `${issue.code} ${where} ${issue.message}`;
}
