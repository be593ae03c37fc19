// The `motcua` command: one entry point, one small module per sub-command, every
// sentence it prints in ./texts.ts. Help goes to stdout with exit code 0; wrong usage
// to stderr with exit code 2, as one sentence naming the problem and the usage.
import { parseArgs } from 'node:util';
import { ask } from './ask.ts';
import { runEval } from './eval.ts';
import { lint } from './lint.ts';
import { commandHelp, isCommand, overview, USAGE, usageError, type CommandName } from '../texts/editors.ts';

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
}

/** The options each command accepts (besides -h/--help); each is explained in HELP in texts.ts. */
export const COMMAND_OPTIONS = {
  ask: { json: { type: 'boolean' }, knowledge: { type: 'string', multiple: true }, 'curated-only': { type: 'boolean' } },
  lint: {},
  eval: { json: { type: 'boolean' }, knowledge: { type: 'string', multiple: true }, split: { type: 'string' }, 'curated-only': { type: 'boolean' } },
  import: { out: { type: 'string' }, code: { type: 'string', multiple: true } },
  national: { knowledge: { type: 'string' } },
  serve: {},
  'admin-password': {},
  complaints: { format: { type: 'string' }, out: { type: 'string' } },
} as const satisfies Record<CommandName, Record<string, OptionSpec>>;

class UsageError extends Error {
  constructor(
    readonly command: CommandName | undefined,
    problem: string,
  ) {
    super(problem);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) throw new UsageError(undefined, USAGE.missingCommand);
    if (command === 'help' || command === '--help' || command === '-h') return help(rest);
    if (!isCommand(command)) throw new UsageError(undefined, USAGE.unknownCommand(command));
    const args = parse(command, rest);
    if (args === 'help') {
      console.log(commandHelp(command));
      return 0;
    }
    return await COMMANDS[command](new Given(command, args));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(usageError(error.command, error.message));
    return 2;
  }
}

/** `motcua help [command]`, `motcua --help [command]`. */
function help([name, extra]: string[]): number {
  if (extra !== undefined) throw new UsageError(undefined, USAGE.helpTooMany(extra));
  if (name === undefined) {
    console.log(overview());
    return 0;
  }
  if (!isCommand(name)) throw new UsageError(undefined, USAGE.unknownCommand(name));
  console.log(commandHelp(name));
  return 0;
}

interface Args {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** A command's parsed arguments, read the way each runner needs them. */
class Given {
  readonly positionals: string[];
  private readonly values: Args['values'];

  constructor(
    private readonly command: CommandName,
    { values, positionals }: Args,
  ) {
    this.values = values;
    this.positionals = positionals;
  }

  wrong(problem: string): UsageError {
    return new UsageError(this.command, problem);
  }

  text(name: string): string | undefined {
    return this.values[name] as string | undefined;
  }

  texts(name: string): string[] | undefined {
    return this.values[name] as string[] | undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  noMore(extra: string[]): void {
    if (extra.length) throw this.wrong(USAGE.unexpectedArgument(extra[0]!));
  }

  /** The positionals after the first, which must be `word` (`import dvc …`, `national refresh …`). */
  after(word: string, missing: string, unknown: (typed: string) => string): string[] {
    const [first, ...rest] = this.positionals;
    if (first === undefined) throw this.wrong(missing);
    if (first !== word) throw this.wrong(unknown(first));
    return rest;
  }
}

/** Each command's runner; a mistake in its arguments throws a UsageError. */
const COMMANDS: Record<CommandName, (given: Given) => Promise<number>> = {
  ask: askCommand,
  lint: (given) => lint(given.positionals),
  eval: evalCommand,
  import: importCommand,
  national: nationalCommand,
  serve: serveCommand,
  'admin-password': adminPasswordCommand,
  complaints: complaintsCommand,
};

async function askCommand(given: Given): Promise<number> {
  const question = given.positionals.join(' ').trim();
  if (!question) throw given.wrong(USAGE.askMissingQuestion);
  return await ask(question, { json: given.flag('json'), knowledge: given.texts('knowledge'), national: !given.flag('curated-only') });
}

async function evalCommand(given: Given): Promise<number> {
  const [file, ...extra] = given.positionals;
  if (!file) throw given.wrong(USAGE.evalMissingFile);
  given.noMore(extra);
  return await runEval(file, { json: given.flag('json'), knowledge: given.texts('knowledge'), split: given.text('split'), national: !given.flag('curated-only') });
}

async function importCommand(given: Given): Promise<number> {
  const [file, ...extra] = given.after('dvc', USAGE.importMissingSource, USAGE.importUnknownSource);
  if (file === undefined) throw given.wrong(USAGE.importMissingFile);
  given.noMore(extra);
  const out = given.text('out');
  if (out === undefined) throw given.wrong(USAGE.importMissingOut);
  const { importDvc } = await import('./import.ts');
  return await importDvc(file, out, given.texts('code'));
}

async function nationalCommand(given: Given): Promise<number> {
  const [file, ...extra] = given.after('refresh', USAGE.nationalMissingSub, USAGE.nationalUnknownSub);
  if (file === undefined) throw given.wrong(USAGE.nationalMissingFile);
  given.noMore(extra);
  const { refreshNational } = await import('./national.ts');
  return await refreshNational(file, given.text('knowledge'));
}

async function serveCommand(given: Given): Promise<number> {
  if (given.positionals.length) throw given.wrong(USAGE.serveNoArguments(given.positionals[0]!));
  const { serve } = await import('../main.ts');
  return await serve();
}

async function adminPasswordCommand(given: Given): Promise<number> {
  const [name, ...extra] = given.positionals;
  if (name === undefined) throw given.wrong(USAGE.adminMissingName);
  if (extra.length) throw given.wrong(USAGE.adminOneName(extra[0]!));
  const { adminPassword } = await import('./admin-password.ts');
  return await adminPassword(name);
}

async function complaintsCommand(given: Given): Promise<number> {
  given.noMore(given.after('export', USAGE.complaintsMissingSub, USAGE.complaintsUnknownSub));
  const format = given.text('format');
  if (format === undefined) throw given.wrong(USAGE.complaintsMissingFormat);
  if (format !== 'csv' && format !== 'json') throw given.wrong(USAGE.complaintsUnknownFormat(format));
  const { exportComplaints } = await import('./complaints.ts');
  return await exportComplaints({ format, out: given.text('out') });
}

/**
 * The command's arguments, or 'help' when -h/--help is among them (help wins over
 * any other mistake). Node's parser runs leniently and its tokens are checked here,
 * so that every mistake is reported in a sentence of texts.ts rather than in
 * parseArgs' own English message.
 */
function parse(command: CommandName, args: string[]): Args | 'help' {
  const spec: Record<string, OptionSpec> = COMMAND_OPTIONS[command];
  const { values, positionals, tokens } = parseArgs({
    args,
    options: { ...spec, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const options = tokens.filter((t) => t.kind === 'option');
  if (options.some((t) => t.name === 'help')) return 'help';
  const seen = new Set<string>();
  for (const token of options) {
    const option = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
    if (!option) throw new UsageError(command, USAGE.unknownOption(command, token.rawName));
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(command, USAGE.noValue(token.rawName));
    // Lenient parsing takes the next word as the value even when it is another option (`--out --json`).
    if (option.type === 'string' && (!token.value || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(command, USAGE.missingValue(command, token.rawName, token.name));
    }
    if (!option.multiple && seen.has(token.name)) throw new UsageError(command, USAGE.repeated(token.rawName));
    seen.add(token.name);
  }
  return { values, positionals };
}
