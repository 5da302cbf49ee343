// What `guild-plugin --help` and `guild-plugin <command> --help` print.
export const COMMANDS = ['init', 'build', 'validate', 'pack', 'test', 'publish'] as const;
export type CommandName = (typeof COMMANDS)[number];

const EXIT_CODES = "Exit codes: 0 success, 1 the plugin failed (invalid, build error, failing tests, refused by Guild) or init's folder is not empty, 2 usage error.";

export const MAIN_HELP = `guild-plugin: build, check and package a Guild plugin. Every command acts on the plugin in the current folder.

Usage: guild-plugin <command> [options]

Commands:
  init <namespace/slug>   create a plugin from a template
  build                   bundle src/index.ts into the manifest's entry file
  validate                the checks Guild runs on upload (manifest, package, handlers in the sandbox)
  pack                    validate, then write <slug>-<version>.tgz and its .sha256
  test                    build, then run test/**/*.test.ts with node:test
  publish                 validate, pack and upload the version to Guild for review

Run guild-plugin <command> --help for a command's options.
${EXIT_CODES}`;

export const COMMAND_HELP: Record<CommandName, string> = {
  init: `Usage: guild-plugin init <namespace/slug> [--template event|function] [--dir <path>]

Creates a plugin folder: guild-plugin.json, src/index.ts, test/plugin.test.ts, README.md,
CHANGELOG.md, icon.svg, package.json and .gitignore. It builds, validates, packs and passes its
tests as created.

Options:
  --template event|function  event: handles order.paid and keeps counts in storage (default);
                             function: answers ticket.classify
  --dir <path>               where to create it (default: ./<slug>); must be missing or empty
${EXIT_CODES}`,
  build: `Usage: guild-plugin build

Checks guild-plugin.json, bundles src/index.ts (and what it imports) with esbuild into one ES
module and writes it to the manifest's "entry" (dist/index.js). Node built-ins cannot be imported.
${EXIT_CODES}`,
  validate: `Usage: guild-plugin validate [--json]

Builds, packs in a temporary folder and runs the package checks Guild runs on upload: the
manifest, the archive's files and sizes, and the entry loaded in the sandbox within the
manifest's limits, whose handlers must match "events" and "functions" exactly.
Prints each issue as "CODE path message".

Options:
  --json   print the report as JSON
${EXIT_CODES}`,
  pack: `Usage: guild-plugin pack [--out <dir>] [--json]

Builds and validates, then writes the package Guild accepts (manifest, bundle, README, icon, and
CHANGELOG and LICENSE when present) as <slug>-<version>.tgz, with <file>.sha256 beside it.
Refuses a plugin that fails validation.

Options:
  --out <dir>  where to write the package (default: the plugin's folder)
  --json       print the result as JSON
${EXIT_CODES}`,
  test: `Usage: guild-plugin test

Builds, then runs the plugin's test/**/*.test.ts files with Node's test runner (through tsx).
Tests use createTestHost from @guild/plugin-sdk/testing, which runs the plugin in Guild's sandbox.
Exits with the test runner's code; 1 if there are no test files.
${EXIT_CODES}`,
  publish: `Usage: guild-plugin publish [--api <url>] [--token <token>] [--json]

Builds, validates and packs as pack does, then uploads the package to Guild, which runs the same
checks again and puts the version in the reviewers' queue. Prints the version, its review state
and the page to follow it on. A package Guild refuses is reported with its code and every issue.
Uploading the very same package again is harmless (Guild answers with the version it has).

Options:
  --api <url>      Guild's address, e.g. https://guild.example.com (default: GUILD_API_URL)
  --token <token>  an API token with the plugins:publish scope (default: GUILD_API_TOKEN);
                   prefer the variable in CI, so the token stays out of logs and shell history
  --json           print the result as JSON
${EXIT_CODES}`,
};
