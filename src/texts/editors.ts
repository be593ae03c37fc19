// Every sentence knowledge editors and the IT officer read: the `motcua` command's help,
// usage errors, progress and failure messages and reports, the problems lint and reload
// find in knowledge files, and the configuration errors at start. Vietnamese, with the
// English term in brackets where it helps. Machine-readable outputs (--json, CSV) are
// not texts and do not live here.

// --- The `motcua` command: help for each sub-command ---

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

export function length(s: string): number {

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
  cannotStart: 'motcua: không khởi động được (cannot start):',
  /** stdout: the server is up. */
  running: (url: string) => `motcua đang chạy: ${url} — mở trình duyệt để chat`,
};


// --- Reports of `motcua import`, `national refresh` and `eval` (stdout) ---

/** Pads `s` to `width` characters (at least one space), for the reports' columns. */
export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(1, width - length(s)));
}

export const REPORT_TEXTS = {
  none: 'không có',
  read: (read: number, written: number, skipped: number) => `Đã đọc ${read} dòng: nhận ${written} thủ tục, bỏ qua ${skipped} dòng.`,
  emptyFields: (fields: string) => `Trường để trống (empty fields): ${fields}.`,
  unparsed: (fields: string) => `Trường không đọc được, để trống hoặc chỉ đọc được một phần (unparsed): ${fields}.`,
  skipped: (line: number, code: string | undefined, reason: string) => `  dòng ${line}${code ? ` (${code})` : ''}: ${reason}`,
  moreSkipped: (count: number) => `  … và ${count} dòng bị bỏ qua khác.`,
  nationalTotal: (total: number) => `Bộ thủ tục quốc gia nay có ${total} thủ tục.`,
  added: (count: number, codes: string) => `Thêm mới (added) ${count}: ${codes}`,
  removed: (count: number, codes: string) => `Bị bỏ (removed) ${count}: ${codes}`,
  changed: (count: number, listed: boolean) => `Có trường thay đổi (changed) ${count}${listed ? ':' : '.'}`,
  moreCodes: (codes: string, more: number) => `${codes} … (và ${more} mã khác)`,
  moreChanged: (more: number) => `  … và ${more} thủ tục khác.`,
  /** The eval file, and the split when one was chosen. */
  title: (file: string, split: string | undefined) => `${file}${split ? ` (nhóm ${split})` : ''}`,
  questions: (title: string, total: number, inScope: number) => `${title}: ${total} câu hỏi, ${inScope} trong phạm vi (in scope)`,
  metrics: {
    top1: 'đúng ở vị trí 1 (top-1)',
    recall3: 'có trong 3 đầu (recall@3)',
    mrr: 'MRR',
    wrong: 'trả lời sai (wrong answer rate)',
    direct: 'trả lời thẳng (direct answers)',
    lists: 'hỏi lại bằng danh sách (lists)',
    nonePrecision: '@none, @offtopic precision',
    noneRecall: '@none, @offtopic recall',
    complaintPrecision: '@complaint precision',
    complaintRecall: '@complaint recall',
    complaintF1: '@complaint F1',
  },
  metric: 'chỉ số (metric)',
  baseline: 'MiniSearch mặc định',
  latency: 'độ trễ p50 / p99 ms (latency)',
  latencyLine: (p50: number, p99: number) => `độ trễ p50 / p99 ms (latency): ${p50} / ${p99}`,
  style: 'kiểu câu (style)',
  count: 'số câu',
  misses: (count: number) => `câu trả lời sai (misses): ${count}`,
  miss: (line: number, tags: string, q: string, expect: string, outcome: string, got: string) => `  dòng ${line} [${tags}] ${q}\n      cần ${expect}, nhận ${outcome}: ${got}`,
  scenarios: (title: string, count: number) => `${title}: ${count} hội thoại (scenarios)`,
  kind: 'loại (kind)',
  passed: 'đạt (passed)',
  failed: (count: number) => `hội thoại chưa đạt (failed): ${count}`,
  failedTurn: (id: string, turn: number, user: string, problems: string) => `  ${id} lượt ${turn} «${user}»: ${problems}`,
  places: (title: string, count: number) => `${title}: ${count} câu hỏi về địa danh (place questions)`,
  all: 'tất cả (all)',
};

// --- Configuration errors at start, for the IT officer (one line per variable) ---

export const CONFIG_TEXTS = {
  invalid: (problems: readonly string[]) => `Cấu hình không hợp lệ (invalid configuration), xem .env.example:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  wholeNumber: (min: number, max: number) => `phải là số nguyên từ ${min} đến ${max}`,
  url: (protocols: readonly string[]) => `phải là đường dẫn (URL) ${protocols.map((p) => `${p}//`).join(' hoặc ')}`,
  oneOf: (values: readonly string[]) => `phải là một trong các giá trị ${values.join(', ')}`,
  trustProxy: 'phải là true hoặc các địa chỉ/CIDR của proxy, cách nhau bằng dấu phẩy (127.0.0.1, 10.0.0.0/8, loopback, uniquelocal); không nhận số bước chuyển tiếp (hop count)',
  storeUrl: 'phải có dạng sqlite://<đường dẫn> hoặc redis://host:port[/db]',
  databaseUrl: 'phải có dạng sqlite://<đường dẫn> hoặc postgres://người-dùng@máy:cổng/cơ-sở-dữ-liệu',
  storePrefix: 'chỉ được gồm chữ cái, chữ số, _ hoặc -',
  knowledgeDirs: 'phải nêu ít nhất một thư mục',
  onOff: 'phải là on hoặc off',
  hours: 'phải là số giờ lớn hơn 0',
  telegramToken: 'phải có dạng 123456:ABC-def… (mã bot lấy từ @BotFather)',
  telegramSecret: 'phải gồm 1–256 ký tự A-Z a-z 0-9 _ -',
  zaloSecret: 'phải dài 8–256 ký tự',
  adminUsers: 'phải có dạng tên:scrypt:<salt>:<hash>, cách nhau bằng dấu phẩy (tạo bằng npx motcua admin-password <tên>)',
  chatId: 'phải là mã nhóm chat Telegram (chat id), ví dụ -1001234567890',
  unknownEditors: (names: readonly string[]) => `KNOWLEDGE_EDITORS: ${names.join(', ')} không có trong ADMIN_USERS (cán bộ biên tập phải có tài khoản /admin)`,
  hotlineSecret: 'phải dài ít nhất 16 ký tự',
  telegramWebhook: 'chế độ webhook của Telegram',
  zaloWebhook: 'chế độ webhook của Zalo',
  staffGroup: 'bot đăng phản ánh vào nhóm cán bộ',
  signWebhook: 'để ký webhook gửi tới đường dây nóng (hotline)',
  webhookUrl: 'địa chỉ webhook của đường dây nóng (hotline)',
  sameDatabase: 'DATABASE_URL: phải là tệp SQLite khác với tệp của STORE_URL (hoặc để trống: mặc định dùng tệp records.sqlite cùng thư mục)',
  /** A variable that works only with another: `purpose` says what for. */
  needed: (name: string, givenWith: string, purpose: string) => `${name}: bắt buộc khi có ${givenWith} (${purpose})`,
  both: (first: string, second: string) => `${first} và ${second}`,
  /** The value given, echoed for variables that are not secrets. */
  currentValue: (value: string) => ` (đang đặt "${value}")`,
};

// --- Problems in knowledge files, places data and eval files, as lint and reload print them (file:line: field: problem) ---

/** The kinds of YAML value a field may need, named for an editor. */
const VALUE_KINDS = new Map(Object.entries({ string: 'một đoạn chữ', array: 'một danh sách (mỗi dòng bắt đầu bằng "- ")', object: 'các trường con' }));

export const KNOWLEDGE_TEXTS = {
  warningTag: ' (cảnh báo)',
  // Reading files.
  unreadableDir: (code: string | undefined) => `không đọc được thư mục (${code})`,
  noFrontMatter: 'tệp phải bắt đầu bằng dòng --- (phần thông tin)',
  unclosedFrontMatter: 'thiếu dòng --- đóng phần thông tin',
  yaml: (message: string) => `lỗi cú pháp YAML: ${message}`,
  badJsonLine: 'dòng không phải JSON hợp lệ',
  // Fields of an entry.
  kind: 'phải là procedure hoặc faq',
  reviewBeforeUpdate: 'phải sau ngày updated',
  faqWithoutAnswer: 'câu hỏi thường gặp phải có câu trả lời sau dòng --- thứ hai',
  idNotFileName: (expected: string) => `phải trùng tên tệp (${expected})`,
  reviewOverdue: (reviewBy: string) => `đã quá hạn rà soát (${reviewBy})`,
  duplicateId: (id: string, file: string) => `trùng id "${id}" với ${file}`,
  missing: 'bắt buộc nhưng đang thiếu',
  unknownFields: (keys: readonly string[]) => `trường không có trong mẫu: ${keys.join(', ')} (xem knowledge/README.md)`,
  wrongType: (expected: string) => `sai kiểu dữ liệu: cần ${VALUE_KINDS.get(expected) ?? expected}`,
  wrongValue: (expected: string) => `giá trị không hợp lệ (cần "${expected}")`,
  emptyListLine: 'dòng trống trong danh sách',
  isoDate: 'phải là ngày dạng YYYY-MM-DD',
  monthDay: 'phải là ngày dạng MM-DD',
  sourceTitle: 'thiếu tên nguồn',
  url: 'không phải đường dẫn hợp lệ',
  id: 'chỉ dùng chữ thường không dấu, số, dấu chấm và gạch ngang',
  empty: 'không được để trống',
  noSource: 'cần ít nhất một nguồn',
  code: 'mã thủ tục dạng 1.001193',
  // The locality and the places data.
  communeCode: 'mã xã, phường gồm 5 chữ số (xem knowledge/places/units-2025.jsonl)',
  noOffice: 'cần ít nhất một địa chỉ một cửa',
  unitCode: 'mã đơn vị phải gồm 2 (tỉnh) hoặc 5 (xã) chữ số',
  unknownCommune: (code: string, file: string) => `không có xã, phường nào mang mã ${code} trong ${file}`,
  unreadableBefore: (text: string, code: string) => `không đọc được "${text}" (đơn vị ${code}); phần này không tra cứu được`,
  // The lexicon.
  unknownAskApart: (id: string) => `ask_apart nhắc mục "${id}" nhưng không có tệp tri thức nào mang id này; cặp này không được dùng`,
  unknownEveryday: (id: string) => `everyday nhắc mục "${id}" nhưng không có tệp tri thức nào mang id này; mục này không được dùng`,
  // The national set.
  unreadableNational: (why: string) => `không đọc được bộ thủ tục quốc gia (${why})`,
  nationalUnchecked: 'tệp không khớp với procedures.check.json nên được kiểm tra từng dòng; hãy chạy "motcua national refresh"',
  nationalBadLine: 'dòng không phải JSON hợp lệ; hãy tạo lại tệp bằng "motcua national refresh"',
  // Lines of a portal crawl that `motcua import` skips.
  blankLine: 'dòng trống (blank line)',
  invalidJson: (message: string) => `không phải JSON hợp lệ (invalid JSON): ${message}`,
  duplicateCode: (first: number) => `trùng mã thủ tục, đã giữ dòng ${first}`,
  notPortalRecord: (issues: string) => `không phải bản ghi của Cổng Dịch vụ công quốc gia (not a portal record): ${issues}`,
  noCode: 'thiếu mã thủ tục (ma_thu_tuc)',
  badCode: (code: string) => `mã thủ tục "${code}" không đúng dạng 1.001193`,
  noTitle: 'thiếu tên thủ tục (ten_thu_tuc)',
  recordIssue: (path: string, message: string) => `${path || '(bản ghi)'}: ${message}`,
  // Eval files.
  evalBadLine: (file: string, line: number) => `${file}:${line}: dòng không phải JSON hợp lệ (invalid JSON)`,
};
