import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildCommand } from './build.js';
import { CliError, EXIT, UsageError } from './cli-error.js';
import { COMMAND_HELP, COMMANDS, MAIN_HELP, type CommandName } from './help.js';
import { initCommand, TEMPLATE_NAMES, type TemplateName } from './init.js';
import { say, warn } from './output.js';
import { packCommand } from './pack.js';
import { publishCommand } from './publish.js';
import { testCommand } from './test.js';
import { validateCommand } from './validate.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const OPTIONS = {
  init: { template: { type: 'string', short: 't', default: 'event' }, dir: { type: 'string' } },
  build: {},
  validate: { json: { type: 'boolean' } },
  pack: { json: { type: 'boolean' }, out: { type: 'string' } },
  test: {},
  publish: { api: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } },
} as const satisfies Record<CommandName, Options>;

const isCommand = (name: string): name is CommandName => COMMANDS.some((command) => command === name);
const isTemplate = (name: string): name is TemplateName => TEMPLATE_NAMES.some((template) => template === name);

function parse<C extends CommandName>(command: C, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${COMMAND_HELP[command]}`);
  }
}

function noPositionals(command: CommandName, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`guild-plugin ${command} takes no arguments (got ${positionals.join(' ')})\n\n${COMMAND_HELP[command]}`);
}

/** Runs one command line; resolves to the exit code. */
async function run(argv: string[], cwd: string): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    warn(MAIN_HELP);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h') {
    say(MAIN_HELP);
    return EXIT.ok;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}"\n\n${MAIN_HELP}`);
  if (args.includes('--help') || args.includes('-h')) {
    say(COMMAND_HELP[command]);
    return EXIT.ok;
  }

  switch (command) {
    case 'init': {
      const { values, positionals } = parse('init', args);
      if (positionals.length !== 1) throw new UsageError(`guild-plugin init takes one name, namespace/slug (e.g. acme/hello)\n\n${COMMAND_HELP.init}`);
      if (!isTemplate(values.template)) throw new UsageError(`--template must be ${TEMPLATE_NAMES.join(' or ')} (got "${values.template}")`);
      await initCommand(cwd, { name: positionals[0], template: values.template, ...(values.dir === undefined ? {} : { dir: values.dir }) });
      return EXIT.ok;
    }
    case 'build': {
      noPositionals('build', parse('build', args).positionals);
      await buildCommand(cwd);
      return EXIT.ok;
    }
    case 'validate': {
      const { values, positionals } = parse('validate', args);
      noPositionals('validate', positionals);
      return validateCommand(cwd, { json: values.json ?? false });
    }
    case 'pack': {
      const { values, positionals } = parse('pack', args);
      noPositionals('pack', positionals);
      return packCommand(cwd, { json: values.json ?? false, ...(values.out === undefined ? {} : { outDir: values.out }) });
    }
    case 'test': {
      noPositionals('test', parse('test', args).positionals);
      return testCommand(cwd);
    }
    case 'publish': {
      const { values, positionals } = parse('publish', args);
      noPositionals('publish', positionals);
      return publishCommand(cwd, { json: values.json ?? false, ...(values.api === undefined ? {} : { api: values.api }), ...(values.token === undefined ? {} : { token: values.token }) });
    }
  }
}

try {
  process.exitCode = await run(process.argv.slice(2), process.cwd());
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  warn(`guild-plugin: ${error.message}`);
  process.exitCode = error.exitCode;
}
