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
    return await run(command, args);
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

async function run(command: CommandName, { values, positionals }: Args): Promise<number> {
  const wrong = (problem: string) => new UsageError(command, problem);
  const text = (name: string) => values[name] as string | undefined;
  const texts = (name: string) => values[name] as string[] | undefined;
  const flag = (name: string) => values[name] === true;
  const noMore = (extra: string[]) => {
    if (extra.length) throw wrong(USAGE.unexpectedArgument(extra[0]!));
  };
  switch (command) {
    case 'ask': {
      const question = positionals.join(' ').trim();
      if (!question) throw wrong(USAGE.askMissingQuestion);
      return await ask(question, { json: flag('json'), knowledge: texts('knowledge'), national: !flag('curated-only') });
    }
    case 'lint':
      return await lint(positionals);
    case 'eval': {
      const [file, ...extra] = positionals;
      if (!file) throw wrong(USAGE.evalMissingFile);
      noMore(extra);
      return await runEval(file, { json: flag('json'), knowledge: texts('knowledge'), split: text('split'), national: !flag('curated-only') });
    }
    case 'import': {
      const [source, file, ...extra] = positionals;
      if (source === undefined) throw wrong(USAGE.importMissingSource);
      if (source !== 'dvc') throw wrong(USAGE.importUnknownSource(source));
      if (file === undefined) throw wrong(USAGE.importMissingFile);
      noMore(extra);
      const out = text('out');
      if (out === undefined) throw wrong(USAGE.importMissingOut);
      const { importDvc } = await import('./import.ts');
      return await importDvc(file, out, texts('code'));
    }
    case 'national': {
      const [sub, file, ...extra] = positionals;
      if (sub === undefined) throw wrong(USAGE.nationalMissingSub);
      if (sub !== 'refresh') throw wrong(USAGE.nationalUnknownSub(sub));
      if (file === undefined) throw wrong(USAGE.nationalMissingFile);
      noMore(extra);
      const { refreshNational } = await import('./national.ts');
      return await refreshNational(file, text('knowledge'));
    }
    case 'serve': {
      if (positionals.length) throw wrong(USAGE.serveNoArguments(positionals[0]!));
      const { serve } = await import('../main.ts');
      return await serve();
    }
    case 'admin-password': {
      const [name, ...extra] = positionals;
      if (name === undefined) throw wrong(USAGE.adminMissingName);
      if (extra.length) throw wrong(USAGE.adminOneName(extra[0]!));
      const { adminPassword } = await import('./admin-password.ts');
      return await adminPassword(name);
    }
    case 'complaints': {
      const [sub, ...extra] = positionals;
      if (sub === undefined) throw wrong(USAGE.complaintsMissingSub);
      if (sub !== 'export') throw wrong(USAGE.complaintsUnknownSub(sub));
      noMore(extra);
      const format = text('format');
      if (format === undefined) throw wrong(USAGE.complaintsMissingFormat);
      if (format !== 'csv' && format !== 'json') throw wrong(USAGE.complaintsUnknownFormat(format));
      const { exportComplaints } = await import('./complaints.ts');
      return await exportComplaints({ format, out: text('out') });
    }
  }
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
