import type { PackageIssue } from '@guild/plugin-package';

/** Exit codes: 1 when the plugin fails a check (or its tests fail), 2 when the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** The plugin failed a check before packaging (its manifest, its build); `issues` are for `--json`. */
export class CheckFailed extends CliError {
  constructor(
    message: string,
    readonly issues: PackageIssue[],
  ) {
    super(message);
  }
}
