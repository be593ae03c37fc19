// Help and wrong usage of every `motcua` command: help on stdout with exit code 0,
// mistakes on stderr with exit code 2 as a Vietnamese sentence, never Node's parser.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS } from '../../src/cli/main.ts';
import { HELP, type CommandName } from '../../src/texts/editors.ts';
import { motcua } from './run-motcua.ts';

const COMMANDS = Object.keys(COMMAND_OPTIONS) as CommandName[];
const NODE_ERRORS = /ERR_PARSE_ARGS|TypeError|node:internal|\n\s+at /;

describe('the help texts', () => {
  it('explain every option each command accepts, and nothing else', () => {
    expect(Object.keys(HELP).sort()).toEqual([...COMMANDS].sort());
    for (const command of COMMANDS) {
      expect(HELP[command].options.map((o) => o.name).sort(), command).toEqual(Object.keys(COMMAND_OPTIONS[command]).sort());
    }
  });
});

describe.each(COMMANDS)('motcua %s', (command) => {
  it('prints its own help on stdout and exits 0, for --help, -h and help <command>', async () => {
    const [long, short, viaHelp] = await Promise.all([motcua([command, '--help']), motcua([command, '-h']), motcua(['help', command])]);
    expect(long).toMatchObject({ code: 0, stderr: '' });
    expect(long.stdout).toMatch(new RegExp(`^Cách dùng \\(usage\\):\\s+motcua ${command}`));
    for (const option of Object.keys(COMMAND_OPTIONS[command])) expect(long.stdout).toContain(`--${option}`);
    expect(long.stdout).toContain('-h, --help');
    expect(long.stdout).toContain('Ví dụ (examples):');
    expect(long.stdout).toContain(`\n  motcua ${command}`);
    expect(short).toEqual(long);
    expect(viaHelp).toEqual(long);
  });

  it('names an unknown option in a sentence, with the usage, and exits 2', async () => {
    const { code, stdout, stderr } = await motcua([command, '--khong-co']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^motcua ${command}: không có tùy chọn --khong-co \\(unknown option\\)`));
    expect(stderr).toContain(`motcua ${command} --help`);
    expect(stderr).not.toMatch(NODE_ERRORS);
  });
});

describe('motcua help', () => {
  it('lists every command, on stdout with exit code 0, as --help and -h do', async () => {
    const [help, long, short] = await Promise.all([motcua(['help']), motcua(['--help']), motcua(['-h'])]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const command of COMMANDS) expect(help.stdout).toContain(`\n  ${command} `);
    expect(long).toEqual(help);
    expect(short).toEqual(help);
  });

  it('prints the same text for `help ask` and `ask --help`', async () => {
    const [viaHelp, viaFlag] = await Promise.all([motcua(['help', 'ask']), motcua(['ask', '--help'])]);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain('--knowledge <thư mục>');
  });

  it('wins over other mistakes on the same line', async () => {
    const { code, stdout } = await motcua(['import', 'xyz', '--khong-co', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('motcua import dvc');
  });
});

describe('wrong usage', () => {
  it.each([
    ['no command', [], 'motcua: thiếu tên lệnh (missing command).'],
    ['an unknown command', ['hoi'], 'motcua: không có lệnh "hoi" (unknown command).'],
    ['help for an unknown command', ['help', 'hoi'], 'motcua: không có lệnh "hoi" (unknown command).'],
    ['an option before the command', ['--json', 'ask', 'x'], 'motcua: không có tùy chọn --json ở vị trí này'],
    ['a short option that does not exist', ['ask', '-x', 'khai sinh'], 'motcua ask: không có tùy chọn -x (unknown option)'],
    ['an option without its value', ['ask', 'khai sinh', '--knowledge'], 'motcua ask: tùy chọn --knowledge cần một giá trị (missing value), ví dụ: --knowledge <thư mục>.'],
    ['an option followed by another option instead of its value', ['eval', 'q.jsonl', '--split', '--json'], 'motcua eval: tùy chọn --split cần một giá trị'],
    ['a value given to a flag', ['ask', '--json=yes', 'khai sinh'], 'motcua ask: tùy chọn --json không nhận giá trị'],
    ['an option given twice', ['import', 'dvc', 'a.jsonl', '--out', 'x', '--out', 'y'], 'motcua import: tùy chọn --out chỉ được ghi một lần.'],
    ['an extra argument', ['eval', 'a.jsonl', 'b.jsonl'], 'motcua eval: thừa tham số "b.jsonl" (unexpected argument).'],
    ['an unknown import source', ['import', 'csv', 'a.csv', '--out', 'x'], 'motcua import: không có nguồn dữ liệu "csv"'],
    ['import without --out', ['import', 'dvc', 'a.jsonl'], 'motcua import: thiếu --out <thư mục>'],
    ['arguments to serve', ['serve', '3000'], 'motcua serve: lệnh này không nhận tham số (thừa "3000")'],
  ])('%s: a sentence on stderr, exit code 2', async (_case, args, message) => {
    const { code, stdout, stderr } = await motcua(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr).toContain('Cách dùng (usage):');
    expect(stderr).not.toMatch(NODE_ERRORS);
  });
});

describe('files that cannot be read', () => {
  it.each([
    [['eval', 'khong-co.jsonl'], 'motcua eval: không đọc được tệp đánh giá khong-co.jsonl: không tìm thấy tệp hoặc thư mục (ENOENT).'],
    [['import', 'dvc', 'khong-co.jsonl', '--out', 'khong-co-ra'], 'motcua import: không nhập được: khong-co.jsonl: không tìm thấy tệp hoặc thư mục (ENOENT).'],
  ])('%j says so in one line and exits 1', async (args, message) => {
    const cwd = await mkdtemp(join(tmpdir(), 'motcua-cli-'));
    const { code, stderr } = await motcua(args, { cwd });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(message);
  });
});
