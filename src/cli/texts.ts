// Every sentence the `motcua` command shows a person: help, usage errors, progress and
// failure messages of the sub-commands, and the eval and import reports. The readers
// are IT officers and staff: Vietnamese, with the English term in brackets where it
// helps. Machine-readable outputs (--json, CSV) are not texts and do not live here.
import type { Evaluation, Scores } from '../eval/metrics.ts';
import { f1 } from '../eval/metrics.ts';
import type { ImportReport } from '../importer/dvc-import.ts';
import type { RefreshReport } from '../importer/national-refresh.ts';
import { passRates, type ScenarioResult } from '../eval/scenarios.ts';
import type { PlaceEvaluation, Share } from '../eval/place-eval.ts';

export interface OptionHelp {
  /** The long name, without the dashes. */
  name: string;
  /** The value's placeholder, for options that take one. */
  value?: string;
  /** The option can be given several times. */
  repeat?: boolean;
  meaning: string;
}

export interface CommandHelp {
  /** One line each, without the leading "motcua ". */
  usage: string[];
  /** One line, for the list of commands. */
  summary: string;
  description: string;
  arguments?: { name: string; meaning: string }[];
  options: OptionHelp[];
  examples: string[];
}

const CURATED_ONLY_OPTION: OptionHelp = {
  name: 'curated-only',
  meaning: 'chỉ dùng các tệp tri thức biên soạn, không nạp bộ thủ tục quốc gia (national/procedures.jsonl.gz), như máy chủ khi NATIONAL_SET=off',
};

const KNOWLEDGE_OPTION: OptionHelp = {
  name: 'knowledge',
  value: '<thư mục>',
  repeat: true,
  meaning: 'đọc tri thức từ thư mục này thay cho knowledge/ của dự án; lặp lại để dùng nhiều thư mục',
};

export const HELP = {
  ask: {
    usage: ['ask "<câu hỏi>" [--knowledge <thư mục>]… [--curated-only] [--json]', 'ask --json -'],
    summary: 'Xem câu trả lời người dân sẽ nhận cho một câu hỏi (preview a reply)',
    description:
      'In đúng câu trả lời mà người dân sẽ thấy khi hỏi bot qua web chat, Telegram hoặc Zalo, để kiểm tra tri thức trước khi công bố. ' +
      'Với --json: kết quả phân loại (outcome: answer, clarify, smalltalk, fallback, complaint, scam, place) và các mục tri thức xếp hạng kèm điểm (ranking).',
    arguments: [
      { name: '"<câu hỏi>"', meaning: 'câu hỏi như người dân gõ, có dấu hoặc không dấu' },
      { name: '-', meaning: 'đọc mỗi dòng của đầu vào chuẩn (stdin) là một câu hỏi; với --json, in một dòng JSON cho mỗi câu (kiểm tra hàng loạt)' },
    ],
    options: [
      { name: 'json', meaning: 'in JSON (kết quả phân loại và xếp hạng) thay cho câu trả lời' },
      KNOWLEDGE_OPTION,
      CURATED_ONLY_OPTION,
    ],
    examples: ['motcua ask "làm giấy khai sinh cần gì"', 'motcua ask --json - < cau-hoi.txt'],
  },
  lint: {
    usage: ['lint [thư mục…]'],
    summary: 'Kiểm tra các tệp tri thức (check knowledge files)',
    description:
      'Đọc mọi tệp tri thức (kể cả bộ thủ tục quốc gia trong national/) và in từng vấn đề dạng tệp:dòng: trường: vấn đề (file:line: field: problem), rồi một dòng tổng kết. ' +
      'Thoát với mã 1 khi có lỗi (error), để dùng trong CI; cảnh báo (warning) không làm thất bại.',
    arguments: [{ name: '[thư mục…]', meaning: 'các thư mục tri thức cần kiểm tra; mặc định: knowledge/' }],
    options: [],
    examples: ['motcua lint', 'motcua lint knowledge du-thao/'],
  },
  eval: {
    usage: ['eval <tệp.jsonl> [--knowledge <thư mục>]… [--curated-only] [--split dev|frozen] [--json]'],
    summary: 'Đo độ chính xác của tìm kiếm trên một bộ câu hỏi (evaluation)',
    description:
      'Chạy bộ máy trả lời trên từng câu hỏi của tệp đánh giá và tính tỉ lệ trả lời đúng (top-1, recall@3, MRR), độ chính xác và độ phủ (precision, recall) của hai nhóm ' +
      '@none (ngoài phạm vi) và @complaint (phản ánh), độ trễ (latency) và các câu trả lời sai. MiniSearch với tùy chọn mặc định được chấm ' +
      'trên cùng tri thức trong cùng lần chạy để so sánh. Thoát với mã 1 khi tệp có dòng sai định dạng.',
    arguments: [
      {
        name: '<tệp.jsonl>',
        meaning: 'mỗi dòng một câu hỏi JSON: q (câu hỏi), expect (id hoặc mã thủ tục đúng, @none nếu ngoài phạm vi, @complaint nếu là phản ánh), style (kiểu câu, không bắt buộc), split (nhóm, không bắt buộc)',
      },
    ],
    options: [
      KNOWLEDGE_OPTION,
      CURATED_ONLY_OPTION,
      { name: 'split', value: '<nhóm>', meaning: 'chỉ dùng các câu hỏi thuộc nhóm này (split), ví dụ dev hoặc frozen' },
      { name: 'json', meaning: 'in kết quả dạng JSON, kèm điểm của MiniSearch mặc định (baseline)' },
    ],
    examples: ['motcua eval test/eval/questions.jsonl', 'motcua eval test/eval/questions.jsonl --split frozen --json'],
  },
  import: {
    usage: ['import dvc <tệp.jsonl[.gz]> --out <thư mục> [--code <mã thủ tục>]…'],
    summary: 'Chuyển hồ sơ thủ tục của Cổng Dịch vụ công quốc gia thành tệp tri thức (import)',
    description:
      'Đọc các bản ghi thủ tục hành chính xuất từ Cổng Dịch vụ công quốc gia (dvc), mỗi dòng một bản ghi JSON, có thể nén gzip, ' +
      'và ghi mỗi thủ tục thành một tệp tri thức đặt tên theo mã thủ tục. In báo cáo: số dòng đã đọc, tệp đã ghi, dòng bị bỏ qua ' +
      'và các trường để trống. Thoát với mã 1 khi không ghi được tệp nào.',
    arguments: [
      { name: 'dvc', meaning: 'nguồn dữ liệu; hiện chỉ có dvc (Cổng Dịch vụ công quốc gia)' },
      { name: '<tệp.jsonl[.gz]>', meaning: 'tệp bản ghi, mỗi dòng một thủ tục; tên kết thúc bằng .gz thì được giải nén' },
    ],
    options: [
      { name: 'out', value: '<thư mục>', meaning: 'thư mục ghi các tệp tri thức (bắt buộc; tạo mới nếu chưa có)' },
      {
        name: 'code',
        value: '<mã thủ tục>',
        repeat: true,
        meaning:
          'chỉ nhập thủ tục có mã này, thành tệp biên soạn (curated) để cán bộ sửa và bổ sung; tệp này được dùng thay cho bản ghi cùng mã trong bộ thủ tục quốc gia. Lặp lại để nhập nhiều mã',
      },
    ],
    examples: ['motcua import dvc knowledge/national/dvc-procedures.jsonl.gz --code 1.001612 --out knowledge/procedures/', 'motcua import dvc dvc-procedures.jsonl.gz --out knowledge/imported'],
  },
  national: {
    usage: ['national refresh <tệp.jsonl[.gz]> [--knowledge <thư mục>]'],
    summary: 'Cập nhật bộ thủ tục quốc gia từ bản thu thập mới của Cổng (refresh the national set)',
    description:
      'Đọc bản thu thập (crawl) mới các thủ tục của Cổng Dịch vụ công quốc gia, ghi lại bộ thủ tục quốc gia mà bot dùng (national/procedures.jsonl.gz, kèm bản thu thập làm nguồn) ' +
      'và in những gì thay đổi: thủ tục thêm mới, bị bỏ, và các trường đã đổi của từng thủ tục. Các tệp biên soạn trong knowledge/ không bị động đến và vẫn được dùng thay cho bản ghi cùng mã. ' +
      'Bản thu thập không đọc được thủ tục nào thì bộ cũ được giữ nguyên và lệnh thoát với mã 1.',
    arguments: [
      { name: 'refresh', meaning: 'lệnh con (sub-command); hiện chỉ có refresh' },
      { name: '<tệp.jsonl[.gz]>', meaning: 'bản thu thập, mỗi dòng một bản ghi thủ tục JSON; tên kết thúc bằng .gz thì được giải nén' },
    ],
    options: [{ name: 'knowledge', value: '<thư mục>', meaning: 'thư mục tri thức có bộ thủ tục quốc gia cần cập nhật; mặc định: knowledge/' }],
    examples: ['motcua national refresh ~/tai-ve/dvc-procedures-2027-01.jsonl.gz'],
  },
  serve: {
    usage: ['serve'],
    summary: 'Chạy máy chủ bot (bot server): web chat, Telegram, Zalo',
    description:
      'Chạy máy chủ bot: khung chat web, POST /api/chat, trang tra cứu phản ánh /tra-cuu, webhook Telegram, Zalo và Zalo OA, ' +
      'trang cán bộ /admin, /healthz và /readyz. Không nhận tham số: cấu hình bằng biến môi trường (environment variables) ' +
      'hoặc tệp .env, xem .env.example. Không có cấu hình nào vẫn chạy được khung chat web với SQLite trong data/.',
    options: [],
    examples: ['motcua serve', 'PORT=8080 TELEGRAM_BOT_TOKEN=… motcua serve'],
  },
  'admin-password': {
    usage: ['admin-password <tên>'],
    summary: 'Tạo mục tài khoản cán bộ cho ADMIN_USERS (staff password)',
    description:
      'Băm (hash) mật khẩu của một cán bộ và in dòng tên:scrypt:… để thêm vào biến ADMIN_USERS, nên mật khẩu không bao giờ được ghi ' +
      'nguyên văn vào cấu hình. Trên màn hình (terminal) lệnh hỏi mật khẩu hai lần, không hiện ký tự gõ; nếu không, đọc dòng đầu ' +
      'của đầu vào chuẩn (stdin), tiện cho script và trình quản lý mật khẩu. Mật khẩu cần ít nhất 10 ký tự.',
    arguments: [{ name: '<tên>', meaning: 'tên đăng nhập của cán bộ: chữ, số, dấu chấm, gạch dưới, gạch ngang, tối đa 64 ký tự' }],
    options: [],
    examples: ['motcua admin-password lan.nguyen', `printf '%s\\n' "$MAT_KHAU" | motcua admin-password lan.nguyen`],
  },
  complaints: {
    usage: ['complaints export --format csv|json [--out <tệp>]'],
    summary: 'Xuất toàn bộ phản ánh, kiến nghị (export complaints) ra CSV hoặc JSON',
    description:
      'Xuất mọi phản ánh, kiến nghị trong kho dữ liệu đã cấu hình (STORE_URL): CSV để mở bằng Excel và nhập vào hệ thống PAKN quốc gia, ' +
      'JSON cho báo cáo. Ghi ra đầu ra chuẩn (stdout), hoặc vào tệp với --out.',
    arguments: [{ name: 'export', meaning: 'lệnh con (sub-command); hiện chỉ có export' }],
    options: [
      { name: 'format', value: 'csv|json', meaning: 'định dạng xuất (bắt buộc): csv (UTF-8 có BOM, mở được bằng Excel) hoặc json' },
      { name: 'out', value: '<tệp>', meaning: 'ghi vào tệp này thay cho đầu ra chuẩn (stdout)' },
    ],
    examples: ['motcua complaints export --format csv --out phan-anh.csv', 'STORE_URL=redis://10.0.0.5:6379 motcua complaints export --format json'],
  },
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof HELP;

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(HELP, name);
}

const HELP_OPTION = { flag: '-h, --help', meaning: 'in hướng dẫn này (help)' };
const WIDTH = 100;

/** `motcua --help`: what the program is and its commands. */
export function overview(): string {
  return [
    'motcua — bot một cửa: trả lời người dân về thủ tục hành chính (administrative procedures)',
    '',
    commandList(),
    '',
    'Hướng dẫn từng lệnh: motcua help <lệnh>  hoặc  motcua <lệnh> --help',
  ].join('\n');
}

function commandList(): string {
  const names = Object.keys(HELP) as CommandName[];
  return ['Cách dùng (usage): motcua <lệnh> [tham số…] [tùy chọn…]', '', 'Các lệnh (commands):', ...table(names.map((name) => [name, HELP[name].summary]))].join('\n');
}

/** `motcua <command> --help`. */
export function commandHelp(command: CommandName): string {
  const h: CommandHelp = HELP[command];
  const out = [usageLines(command), '', ...wrap(h.description, WIDTH)];
  if (h.arguments?.length) out.push('', 'Tham số (arguments):', ...table(h.arguments.map((a) => [a.name, a.meaning])));
  out.push('', 'Tùy chọn (options):', ...table([...h.options.map((o) => [optionFlag(o), o.meaning] as const), [HELP_OPTION.flag, HELP_OPTION.meaning]]));
  out.push('', 'Ví dụ (examples):', ...h.examples.map((e) => `  ${e}`));
  return out.join('\n');
}

function usageLines(command: CommandName): string {
  const lines = HELP[command].usage.map((u) => `motcua ${u}`);
  return lines.length === 1 ? `Cách dùng (usage): ${lines[0]}` : ['Cách dùng (usage):', ...lines.map((l) => `  ${l}`)].join('\n');
}

function optionFlag(o: OptionHelp): string {
  return `--${o.name}${o.value ? ` ${o.value}` : ''}${o.repeat ? '…' : ''}`;
}

/** Two columns: the names padded to the longest, the meanings wrapped beside them. */
function table(rows: (readonly [string, string])[]): string[] {
  const left = Math.max(...rows.map(([name]) => length(name))) + 4;
  return rows.flatMap(([name, meaning]) => {
    const [first = '', ...more] = wrap(meaning, WIDTH - left);
    return [`  ${name}${' '.repeat(left - 2 - length(name))}${first}`, ...more.map((line) => `${' '.repeat(left)}${line}`)];
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && length(line) + 1 + length(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function length(s: string): number {
  return [...s].length;
}

/**
 * Wrong usage, on stderr with exit code 2: the problem in one sentence, then the
 * command's usage (or the list of commands) and where the full help is.
 */
export function usageError(command: CommandName | undefined, problem: string): string {
  if (!command) return `motcua: ${problem}\n\n${commandList()}\n\nXem thêm: motcua --help`;
  return `motcua ${command}: ${problem}\n\n${usageLines(command)}\nXem thêm: motcua ${command} --help`;
}

/** The problems usageError names. */
export const USAGE = {
  missingCommand: 'thiếu tên lệnh (missing command).',
  unknownCommand: (name: string) =>
    name.startsWith('-')
      ? `không có tùy chọn ${name} ở vị trí này (unknown option); tên lệnh phải đứng trước các tùy chọn, ví dụ: motcua ask --json "…".`
      : `không có lệnh "${name}" (unknown command).`,
  helpTooMany: (extra: string) => `help chỉ nhận một tên lệnh; thừa "${extra}".`,
  unknownOption: (command: CommandName, raw: string) => {
    const names = HELP[command].options.map((o: OptionHelp) => `--${o.name}`);
    const known = names.length ? `các tùy chọn có: ${names.join(', ')}, --help` : `lệnh này chỉ có --help`;
    return `không có tùy chọn ${raw} (unknown option); ${known}.`;
  },
  missingValue: (command: CommandName, raw: string, name: string) => {
    const value = HELP[command].options.find((o: OptionHelp) => o.name === name)?.value ?? '<giá trị>';
    return `tùy chọn ${raw} cần một giá trị (missing value), ví dụ: ${raw} ${value}.`;
  },
  noValue: (raw: string) => `tùy chọn ${raw} không nhận giá trị; chỉ cần ghi ${raw}.`,
  repeated: (raw: string) => `tùy chọn ${raw} chỉ được ghi một lần.`,
  unexpectedArgument: (arg: string) => `thừa tham số "${arg}" (unexpected argument).`,
  askMissingQuestion: 'thiếu câu hỏi; hoặc dùng - để đọc từng dòng từ đầu vào chuẩn (stdin).',
  evalMissingFile: 'thiếu tệp đánh giá (evaluation file) .jsonl.',
  importMissingSource: 'thiếu nguồn dữ liệu; hiện chỉ có dvc (Cổng Dịch vụ công quốc gia).',
  importUnknownSource: (source: string) => `không có nguồn dữ liệu "${source}"; hiện chỉ có dvc (Cổng Dịch vụ công quốc gia).`,
  importMissingFile: 'thiếu tệp bản ghi .jsonl hoặc .jsonl.gz.',
  importMissingOut: 'thiếu --out <thư mục>: nơi ghi các tệp tri thức.',
  nationalMissingSub: 'thiếu lệnh con; hiện chỉ có refresh.',
  nationalUnknownSub: (sub: string) => `không có lệnh con "${sub}"; hiện chỉ có refresh.`,
  nationalMissingFile: 'thiếu tệp bản thu thập .jsonl hoặc .jsonl.gz.',
  serveNoArguments: (arg: string) => `lệnh này không nhận tham số (thừa "${arg}"); cấu hình bằng biến môi trường (environment variables), xem .env.example.`,
  adminMissingName: 'thiếu tên đăng nhập của cán bộ.',
  adminOneName: (extra: string) => `chỉ nhận một tên đăng nhập; thừa "${extra}".`,
  adminBadName: 'tên đăng nhập chỉ gồm chữ, số, dấu chấm, gạch dưới, gạch ngang (tối đa 64 ký tự).',
  complaintsMissingSub: 'thiếu lệnh con (sub-command) export.',
  complaintsUnknownSub: (sub: string) => `không có lệnh con "${sub}"; hiện chỉ có export.`,
  complaintsMissingFormat: 'thiếu --format csv hoặc --format json.',
  complaintsUnknownFormat: (format: string) => `không có định dạng "${format}"; dùng csv hoặc json.`,
};

// --- Messages of the sub-commands (stderr unless said otherwise) ---

/** A file or folder that could not be read, from a Node error. */
export function fileProblem(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const why: Record<string, string> = {
    ENOENT: 'không tìm thấy tệp hoặc thư mục',
    EACCES: 'không có quyền truy cập',
    EPERM: 'không có quyền truy cập',
    EISDIR: 'đây là thư mục, cần một tệp',
    ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  };
  return `${path}: ${(code && why[code]) ?? (error instanceof Error ? error.message : String(error))}${code ? ` (${code})` : ''}`;
}

export const MESSAGES = {
  knowledgeErrors: (errors: number) => `motcua: kho tri thức có ${errors} lỗi (errors), các tệp lỗi bị bỏ qua; xem chi tiết: npx motcua lint`,
  /** stdout: the last line of `motcua lint`. */
  lintSummary: (valid: number, errors: number, warnings: number) => `${valid} mục hợp lệ; ${errors} lỗi, ${warnings} cảnh báo.`,
  evalCannotRead: (problem: string) => `motcua eval: không đọc được tệp đánh giá ${problem}.`,
  evalNoQuestions: (file: string, split: string | undefined) =>
    `motcua eval: không có câu hỏi nào trong ${file}${split ? ` thuộc nhóm (split) ${split}` : ''}.`,
  importFailed: (problem: string) => `motcua import: không nhập được: ${problem}.`,
  importCodesMissing: (codes: string[]) => `motcua import: không có thủ tục nào mang mã ${codes.join(', ')} trong tệp (hoặc bản ghi bị bỏ qua, xem ở trên).`,
  nationalFailed: (problem: string) => `motcua national: không cập nhật được: ${problem}.`,
  nationalEmpty: 'motcua national: bản thu thập không có thủ tục nào đọc được; bộ thủ tục quốc gia được giữ nguyên.',
  adminPrompt: (name: string) => `Mật khẩu cho ${name}: `,
  adminPromptAgain: 'Nhập lại mật khẩu: ',
  adminMismatch: 'motcua admin-password: hai lần nhập không khớp; chưa có gì được tạo. Vui lòng chạy lại.',
  adminTooShort: (min: number) => `motcua admin-password: mật khẩu cần ít nhất ${min} ký tự.`,
  adminAddLine: 'Thêm dòng dưới vào ADMIN_USERS (nhiều tài khoản cách nhau bằng dấu phẩy):',
  complaintsConfig: (message: string) => `motcua complaints: ${message}`,
  complaintsStore: (message: string) => `motcua complaints: không mở được kho dữ liệu (STORE_URL): ${message}`,
  complaintsWritten: (count: number, file: string) => `Đã ghi ${count} phản ánh vào ${file}`,
};

// --- Reports (stdout) ---

/** `motcua import dvc`: a few lines; at most `maxSkipped` skipped lines are listed. */
export function importReport(report: ImportReport, maxSkipped = 10): string {
  const byCount = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([, a], [, b]) => b - a)
      .map(([field, n]) => `${field} ${n}`)
      .join(', ') || 'không có';
  const lines = [
    `Đã đọc ${report.read} dòng: nhận ${report.written} thủ tục, bỏ qua ${report.skipped.length} dòng.`,
    `Trường để trống (empty fields): ${byCount(report.emptyFields)}.`,
    `Trường không đọc được, để trống hoặc chỉ đọc được một phần (unparsed): ${byCount(report.unparsed)}.`,
    ...report.skipped.slice(0, maxSkipped).map((skip) => `  dòng ${skip.line}${skip.code ? ` (${skip.code})` : ''}: ${skip.reason}`),
  ];
  if (report.skipped.length > maxSkipped) lines.push(`  … và ${report.skipped.length - maxSkipped} dòng bị bỏ qua khác.`);
  return lines.join('\n');
}

const EVAL_ROWS: [string, (s: Scores) => number][] = [
  ['đúng ở vị trí 1 (top-1)', (s) => s.top1],
  ['có trong 3 đầu (recall@3)', (s) => s.recall3],
  ['MRR', (s) => s.mrr],
  ['trả lời sai (wrong answer rate)', (s) => s.wrong_answer_rate],
  ['trả lời thẳng (direct answers)', (s) => s.direct_answer_rate],
  ['hỏi lại bằng danh sách (lists)', (s) => s.list_rate],
  ['@none, @offtopic precision', (s) => s.none_precision],
  ['@none, @offtopic recall', (s) => s.none_recall],
  ['@complaint precision', (s) => s.complaint_precision],
  ['@complaint recall', (s) => s.complaint_recall],
  ['@complaint F1', (s) => f1(s.complaint_precision, s.complaint_recall)],
];

/** `motcua eval` without --json: the headline figures beside the baseline's, then per style, latency and the misses. */
export function evalReport(file: string, split: string | undefined, ours: Evaluation, baseline: Evaluation): string {
  const fmt = (x: number) => x.toFixed(3);
  const name = 34;
  const title = `${file}${split ? ` (nhóm ${split})` : ''}`;
  const out: string[] = [`${title}: ${ours.total} câu hỏi, ${ours.in_scope} trong phạm vi (in scope)`, ''];
  out.push(`${pad('chỉ số (metric)', name)}${'motcua'.padStart(16)}${'MiniSearch mặc định'.padStart(22)}`);
  for (const [label, get] of EVAL_ROWS) out.push(`${pad(label, name)}${fmt(get(ours)).padStart(16)}${fmt(get(baseline)).padStart(22)}`);
  const latency = (e: Evaluation) => `${e.latency_ms.p50} / ${e.latency_ms.p99}`;
  out.push(`${pad('độ trễ p50 / p99 ms (latency)', name)}${latency(ours).padStart(16)}${latency(baseline).padStart(22)}`);
  out.push('', `${pad('kiểu câu (style)', 18)}${'số câu'.padStart(7)}${'top-1'.padStart(8)}${'recall@3'.padStart(10)}${'@none R'.padStart(9)}${'@complaint R'.padStart(14)}`);
  for (const [style, s] of Object.entries(ours.by_style)) {
    out.push(`${pad(style, 18)}${String(s.total).padStart(7)}${fmt(s.top1).padStart(8)}${fmt(s.recall3).padStart(10)}${fmt(s.none_recall).padStart(9)}${fmt(s.complaint_recall).padStart(14)}`);
  }
  out.push('', `câu trả lời sai (misses): ${ours.misses.length}`);
  for (const m of ours.misses) out.push(`  dòng ${m.line} [${m.style}] ${m.q}\n      cần ${m.expect}, nhận ${m.outcome}: ${m.got.join(', ') || '-'}`);
  return out.join('\n');
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - length(s)));
}

/** `motcua national refresh`: what the new crawl changed, then the import report. */
export function refreshReport(report: RefreshReport, maxListed = 20): string {
  const listed = (codes: string[]) => (codes.length > maxListed ? `${codes.slice(0, maxListed).join(', ')} … (và ${codes.length - maxListed} mã khác)` : codes.join(', ') || 'không có');
  const changed = report.changed.slice(0, maxListed).map((c) => `  ${c.code}: ${c.fields.join(', ')}`);
  if (report.changed.length > maxListed) changed.push(`  … và ${report.changed.length - maxListed} thủ tục khác.`);
  return [
    `Bộ thủ tục quốc gia nay có ${report.total} thủ tục.`,
    `Thêm mới (added) ${report.added.length}: ${listed(report.added)}`,
    `Bị bỏ (removed) ${report.removed.length}: ${listed(report.removed)}`,
    `Có trường thay đổi (changed) ${report.changed.length}${changed.length ? ':' : '.'}`,
    ...changed,
    importReport(report.import),
  ].join('\n');
}

/** `motcua eval` on scenarios: pass rate per kind, then each failed turn with why. */
export function scenarioReport(file: string, split: string | undefined, results: readonly ScenarioResult[]): string {
  const out = [`${file}${split ? ` (nhóm ${split})` : ''}: ${results.length} hội thoại (scenarios)`, '', `${pad('loại (kind)', 20)}${'đạt (passed)'.padStart(14)}`];
  for (const row of passRates(results)) out.push(`${pad(row.kind, 20)}${`${row.passed}/${row.total}`.padStart(14)}`);
  const failed = results.filter((r) => !r.passed);
  out.push('', `hội thoại chưa đạt (failed): ${failed.length}`);
  for (const r of failed) {
    for (const t of r.turns.filter((t) => t.problems.length)) out.push(`  ${r.id} lượt ${t.turn} «${t.user}»: ${t.problems.join('; ')}`);
  }
  return out.join('\n');
}

/** `motcua eval` on place questions: top-1 overall, per kind and per style, latency, then the misses. */
export function placeReport(file: string, split: string | undefined, scores: PlaceEvaluation): string {
  const row = (name: string, s: Share) => `${pad(name, 18)}${String(s.total).padStart(7)}${s.top1.toFixed(3).padStart(8)}`;
  const out = [`${file}${split ? ` (nhóm ${split})` : ''}: ${scores.total} câu hỏi về địa danh (place questions)`, '', `${pad('', 18)}${'số câu'.padStart(7)}${'top-1'.padStart(8)}`, row('tất cả (all)', scores)];
  out.push('', `${pad('loại (kind)', 18)}`, ...Object.entries(scores.by_kind).map(([kind, s]) => row(kind, s)));
  out.push('', `${pad('kiểu câu (style)', 18)}`, ...Object.entries(scores.by_style).map(([style, s]) => row(style, s)));
  out.push('', `độ trễ p50 / p99 ms (latency): ${scores.latency_ms.p50} / ${scores.latency_ms.p99}`);
  out.push('', `câu trả lời sai (misses): ${scores.misses.length}`);
  for (const m of scores.misses) out.push(`  dòng ${m.line} [${m.kind}, ${m.style}] ${m.q}\n      cần ${m.expect}, nhận ${m.outcome}: ${m.got.join(', ') || '-'}`);
  return out.join('\n');
}
