// The `motcua` command: one entry point, one small module per sub-command.
import { parseArgs } from 'node:util';
import { ask } from './ask.ts';
import { runEval } from './eval.ts';
import { lint } from './lint.ts';

const USAGE = `motcua — bot một cửa

Usage:
  motcua ask "<câu hỏi>" [--knowledge <dir>]… [--json]   what a citizen would be told (--json: outcome and ranking)
  motcua ask --json -                                     one message per line on stdin, one JSON line each
  motcua lint [dir…]                                      check knowledge files (default: knowledge/)
  motcua eval <file.jsonl> [--knowledge <dir>]… [--split dev|frozen] [--json]
  motcua import dvc <file.jsonl[.gz]> --out <dir>         national-portal records → knowledge files
  motcua serve                                            the bot server: web chat, Telegram, Zalo (settings: .env.example)
  motcua admin-password <name>                            a staff password → the name:scrypt:… entry for ADMIN_USERS (asks twice, or reads stdin)
  motcua complaints export --format csv|json [--out FILE] every complaint in the store (STORE_URL), for the PAKN system and reports
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'ask': {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' }, knowledge: { type: 'string', multiple: true } });
        const text = positionals.join(' ').trim();
        if (!text) return usage('ask needs a question, or - to read standard input');
        return await ask(text, { json: Boolean(values.json), knowledge: values.knowledge });
      }
      case 'lint':
        return await lint(parse(rest, {}).positionals);
      case 'eval': {
        const { values, positionals } = parse(rest, {
          json: { type: 'boolean' },
          knowledge: { type: 'string', multiple: true },
          split: { type: 'string' },
        });
        const [file] = positionals;
        if (!file) return usage('eval needs an evaluation file');
        return await runEval(file, { json: Boolean(values.json), knowledge: values.knowledge, split: values.split });
      }
      case 'import': {
        const { values, positionals } = parse(rest, { out: { type: 'string' } });
        const [source, file] = positionals;
        if (source !== 'dvc' || !file || typeof values.out !== 'string') return usage('import dvc <file> --out <dir>');
        const { importDvc } = await import('./import.ts');
        return await importDvc(file, values.out);
      }
      case 'serve': {
        if (parse(rest, {}).positionals.length) return usage('serve takes no arguments; it is configured by environment variables');
        const { serve } = await import('../main.ts');
        return await serve();
      }
      case 'admin-password': {
        const [name, ...extra] = parse(rest, {}).positionals;
        if (!name || extra.length) return usage('admin-password needs one staff name');
        const { adminPassword } = await import('./admin-password.ts');
        return await adminPassword(name);
      }
      case 'complaints': {
        const { values, positionals } = parse(rest, { format: { type: 'string' }, out: { type: 'string' } });
        if (positionals.join(' ') !== 'export' || (values.format !== 'csv' && values.format !== 'json')) return usage('complaints export --format csv|json [--out FILE]');
        const { exportComplaints } = await import('./complaints.ts');
        return await exportComplaints({ format: values.format, out: values.out });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
      default:
        return usage(`unknown command: ${command}`);
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return usage((error as Error).message);
    throw error;
  }
}

type ArgSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse<const T extends ArgSpec>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

function usage(problem: string): number {
  console.error(`motcua: ${problem}\n\n${USAGE}`);
  return 2;
}
