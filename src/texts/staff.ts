// Every sentence hotline and one-stop-shop staff read: the /admin inbox pages, the posts
// and answers in the staff's Telegram group, the columns of the exports, and why a
// notice or a delivery failed. Kept in one place so wording is reviewed together.
import type { SendError, SendFailure } from '../kernel/messages.ts';
import { vnDate } from '../kernel/vietnam-time.ts';

// --- The /admin inbox: actions, history, and what staff are told after acting ---

export const ACTION_LABELS = {
  claim: 'Nhận xử lý',
  answer: 'Trả lời',
  transfer: 'Chuyển cơ quan khác',
  reject: 'Không tiếp nhận',
  close: 'Đóng',
  erase: 'Xóa dữ liệu cá nhân',
};

/** What staff can do to a complaint: its transitions, and erasing personal data. */
export type ActionType = keyof typeof ACTION_LABELS;

/** History actions, including those the system records. */
// Maps, not objects: looked up by names staff type or configure ("constructor" is a name too).
export const HISTORY_LABELS = new Map<string, string>(Object.entries({ ...ACTION_LABELS, receive: 'Tiếp nhận' }));

export const ACTORS = new Map<string, string>(Object.entries({ citizen: 'Người dân', system: 'Hệ thống' }));

export const TARGET_LABELS = new Map<string, string>(
  Object.entries({
    'telegram-group': 'Nhóm Telegram cán bộ',
    webhook: 'Hệ thống đường dây nóng (webhook)',
  }),
);

/** Shown after an action went through (post/redirect/get). */
export const DONE: Record<ActionType, string> = {
  claim: 'Anh/chị đã nhận xử lý phản ánh này.',
  answer: 'Đã lưu câu trả lời; người dân sẽ nhận được trên kênh họ đã dùng.',
  transfer: 'Đã ghi nhận chuyển cơ quan khác; người dân sẽ được báo lý do.',
  reject: 'Đã ghi nhận không tiếp nhận; người dân sẽ được báo lý do.',
  close: 'Đã đóng phản ánh.',
  erase: 'Đã xóa dữ liệu cá nhân; hồ sơ ẩn danh vẫn được giữ lại.',
};

export const ADMIN_TEXTS = {
  knowledgeRefused: 'Tệp tri thức vừa sửa có lỗi: bot chưa dùng bản sửa mà vẫn trả lời theo bản đúng trước đó. Anh/chị sửa các lỗi sau (hoặc chạy npx motcua lint):',
  title: 'Hộp thư phản ánh, kiến nghị',
  sections: 'Các mục quản lý',
  loginTitle: 'Đăng nhập cán bộ',
  userName: 'Tên đăng nhập',
  password: 'Mật khẩu',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  loggedOut: 'Anh/chị đã đăng xuất.',
  loginWrong: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  loginTooMany: 'Đăng nhập sai quá nhiều lần từ địa chỉ này. Vui lòng thử lại sau 15 phút.',
  loginIncomplete: 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  sessionExpired: 'Phiên làm việc đã hết hạn hoặc biểu mẫu đã cũ. Vui lòng tải lại trang rồi thử lại.',
  notFound: 'Không tìm thấy phản ánh này.',
  badRequest: 'Yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.',
  serverError: 'Đã có lỗi ở máy chủ; thao tác có thể chưa được lưu. Vui lòng tải lại trang để kiểm tra.',
  emptyList: 'Không có phản ánh nào trong mục này.',
  pages: 'Các trang',
  pageOf: (page: number, last: number) => ` — trang ${page}/${last}`,
  newer: 'Mới hơn',
  older: 'Cũ hơn',
  needAnswer: 'Vui lòng nhập nội dung trả lời.',
  needReason: 'Vui lòng ghi lý do để người dân được biết.',
  tooLong: (max: number) => `Nội dung dài quá ${max} ký tự; vui lòng rút gọn.`,
  needConfirm: 'Vui lòng đánh dấu ô xác nhận trước khi xóa dữ liệu cá nhân.',
  unknownAction: 'Thao tác không hợp lệ.',
  claimedBy: (name: string) => `Phản ánh này đã được ${name} nhận xử lý trước; không có gì thay đổi.`,
  refused: (action: string, status: string) => `Không thể “${action}” khi phản ánh đang ở trạng thái “${status}”; không có gì thay đổi.`,
  alreadyErased: 'Dữ liệu cá nhân của phản ánh này đã được xóa trước đó.',
  replyFailed: (detail: string) => `Chưa gửi được câu trả lời tới người dân (${detail}); người dân vẫn xem được qua tra cứu.`,
  replyOnLookup: (code: string) => `Người dân gửi qua khung chat web (không nhận tin chủ động): câu trả lời hiện khi người dân tra cứu mã ${code}.`,
  eraseConfirm: 'Tôi xác nhận người dân đã yêu cầu xóa; nội dung, số điện thoại và ghi chú sẽ bị xóa vĩnh viễn.',
  overdue: 'Quá hạn',
  failedSend: 'Gửi lỗi',
};

/** The list page: its filters, the table's columns and the export links. */
// --- /admin/tri-thuc: the knowledge entries, their review dates and their use ---

export const KNOWLEDGE_TEXTS = {
  nav: 'Tri thức',
  complaintsNav: 'Phản ánh',
  title: 'Tri thức của bot',
  intro: (national: number) =>
    `Các mục do địa phương biên soạn (thư mục knowledge/), mục quá hạn rà soát lên đầu. Bot còn trả lời theo ${national.toLocaleString('vi-VN')} thủ tục của Cổng Dịch vụ công quốc gia.`,
  caption: (count: number) => `${count} mục`,
  columns: { title: 'Mục', kind: 'Loại', updated: 'Cập nhật', reviewBy: 'Rà soát trước', answers: 'Lượt trả lời (30 ngày)', rating: 'Đánh giá hữu ích / chưa' },
  kinds: { procedure: 'Thủ tục', faq: 'Hỏi đáp CCHC' } as Record<string, string>,
  overdue: 'Quá hạn rà soát',
  file: 'Tệp',
  code: 'Mã thủ tục',
  seenByCitizens: 'Người dân thấy câu trả lời này',
  use: (answers: number, useful: number, notUseful: number) => `30 ngày qua: ${answers} lượt trả lời; ${useful} đánh giá hữu ích, ${notUseful} chưa hữu ích.`,
  notFound: 'Không tìm thấy mục tri thức này.',
  back: '← Về danh sách tri thức',
};

/** The entry page's parts added for the unanswered-question loop and the history of edits. */
export const ENTRY_PAGE_TEXTS = {
  reached: 'Câu hỏi của người dân đã dẫn tới mục này (30 ngày qua)',
  reachedNone: 'Chưa có câu hỏi nào trong 30 ngày qua.',
  timesAsked: (count: number) => (count > 1 ? ` (${count} lần)` : ''),
  history: 'Lịch sử sửa',
  historyNone: 'Chưa có ai sửa mục này từ trang quản lý.',
  historyColumns: { at: 'Thời gian', by: 'Người sửa', what: 'Đã sửa', fields: 'Trường' },
  actions: new Map<string, string>(Object.entries({ edit: 'Sửa trên biểu mẫu', questions: 'Thêm câu hỏi mẫu', aliases: 'Thêm tên gọi khác' })),
  edit: 'Sửa mục này',
  editorsOnly: 'Chỉ cán bộ biên tập (KNOWLEDGE_EDITORS) mới sửa được mục tri thức. Anh/chị liên hệ cán bộ CNTT nếu cần quyền này.',
  saved: 'Đã lưu tệp. Bot dùng nội dung mới trong vài giây.',
};

/** The form that edits an entry's Markdown file from /admin. */
export const EDIT_TEXTS = {
  title: (entry: string) => `Sửa: ${entry}`,
  intro: 'Mỗi ô tương ứng một trường của tệp tri thức. Ô danh sách: mỗi dòng một mục. Lưu xong, tệp được kiểm tra như lệnh lint rồi mới ghi; bot dùng bản mới trong vài giây.',
  save: 'Lưu thay đổi',
  backToEntry: '← Về trang của mục',
  cancel: 'Hủy, không lưu',
  unchanged: 'Anh/chị chưa thay đổi gì nên không có gì được lưu.',
  changedMeanwhile: 'Tệp này vừa được người khác sửa. Anh/chị mở lại trang để xem bản mới rồi sửa lại; những gì anh/chị vừa nhập vẫn còn trong biểu mẫu bên dưới.',
  unreadable: 'Không đọc được tệp của mục này trên máy chủ; chưa có gì được lưu. Anh/chị báo cán bộ CNTT.',
  invalid: 'Chưa lưu: nội dung có lỗi. Anh/chị sửa các ô sau rồi lưu lại:',
  problem: (label: string, message: string) => `${label}: ${message}`,
  fields: new Map<string, { label: string; hint?: string }>(
    Object.entries({
      title: { label: 'Tên mục (tên chính thức)' },
      aliases: { label: 'Tên gọi khác', hint: 'Tên người dân hay dùng, mỗi dòng một tên.' },
      questions: { label: 'Câu hỏi mẫu', hint: 'Viết như người dân hỏi, mỗi dòng một câu.' },
      sector: { label: 'Lĩnh vực' },
      level: { label: 'Cấp thực hiện', hint: 'Cấp xã, Cấp tỉnh… (từ 1/7/2025 không còn cấp huyện).' },
      agency: { label: 'Cơ quan giải quyết' },
      summary: { label: 'Tóm tắt', hint: '1–3 câu, bot hiển thị đầu tiên.' },
      'submit.in_person': { label: 'Nộp trực tiếp' },
      'submit.online': { label: 'Nộp trực tuyến' },
      'submit.postal': { label: 'Qua bưu chính công ích' },
      documents: { label: 'Giấy tờ cần chuẩn bị', hint: 'Mỗi dòng một loại giấy tờ.' },
      steps: { label: 'Các bước', hint: 'Mỗi dòng một bước, theo thứ tự.' },
      processing_time: { label: 'Thời hạn giải quyết', hint: 'Ghi đúng như nguồn; không chắc thì để trống.' },
      fee: { label: 'Phí, lệ phí', hint: 'Ghi đúng như nguồn; không chắc thì để trống.' },
      conditions: { label: 'Điều kiện, đối tượng' },
      result: { label: 'Kết quả nhận được' },
      legal_basis: { label: 'Căn cứ pháp lý', hint: 'Mỗi văn bản một dòng.' },
      portal_url: { label: 'Đường dẫn trên Cổng Dịch vụ công quốc gia' },
      show_contacts: { label: 'Kèm địa chỉ, giờ làm việc, điện thoại của địa phương ở đầu câu trả lời' },
      staff_notes: { label: 'Ghi chú cho cán bộ (người dân không thấy)', hint: 'Mỗi dòng một ý.' },
      sources: { label: 'Nguồn', hint: 'Mỗi dòng một nguồn: tên nguồn | đường dẫn (https://…).' },
      updated: { label: 'Ngày cập nhật', hint: 'Dạng 2026-12-05.' },
      review_by: { label: 'Rà soát lại trước ngày', hint: 'Phải sau ngày cập nhật.' },
      body: { label: 'Lưu ý / nội dung trả lời', hint: 'Phần Markdown sau phần trường dữ liệu; với câu hỏi CCHC đây là câu trả lời.' },
    }),
  ),
};

/** The page of the questions the bot could not answer, grouped, and what staff can do with a group. */
export const QUESTION_TEXTS = {
  nav: 'Câu hỏi chưa trả lời',
  title: 'Câu hỏi bot chưa trả lời được',
  intro: 'Câu hỏi 30 ngày qua mà bot chỉ đưa được lời khuyên gọi đường dây nóng, người dân bỏ dở danh sách “ý anh/chị là…”, hoặc chấm “chưa hữu ích”. Số điện thoại, số giấy tờ, tên người đã được che. Câu giống nhau được gộp thành nhóm, nhóm hỏi nhiều lên đầu.',
  none: 'Không có câu hỏi nào chưa xử lý. Cảm ơn anh/chị!',
  groupHeading: (rank: number, count: number) => `Nhóm ${rank}: ${count} lượt hỏi`,
  why: (fallback: number, list: number, notUseful: number) =>
    [fallback ? `${fallback} không tìm được câu trả lời` : '', list ? `${list} bỏ dở danh sách` : '', notUseful ? `${notUseful} chấm chưa hữu ích` : ''].filter(Boolean).join(', '),
  timesAsked: (count: number) => (count > 1 ? ` (${count} lần)` : ''),
  chooseTexts: 'Câu sẽ thêm vào mục',
  entry: 'Mục tri thức',
  suggested: '(bot đoán gần nhất)',
  as: 'Thêm dưới dạng',
  asQuestions: 'Câu hỏi mẫu',
  asAliases: 'Tên gọi khác',
  attach: 'Gắn vào mục',
  outOfScope: 'Ngoài phạm vi (bỏ khỏi danh sách)',
  editorsOnly: 'Cán bộ biên tập mới gắn được câu hỏi vào mục tri thức.',
  attached: (count: number, entry: string) => `Đã thêm ${count} câu vào mục “${entry}”. Bot dùng nội dung mới trong vài giây.`,
  nothingNew: (entry: string) => `Mục “${entry}” đã có sẵn các câu này; nhóm đã được đánh dấu xử lý.`,
  setAside: (count: number) => `Đã đánh dấu ${count} câu hỏi là ngoài phạm vi.`,
  groupGone: 'Nhóm câu hỏi này đã được người khác xử lý hoặc đã thay đổi. Anh/chị xem lại danh sách.',
  noText: 'Vui lòng chọn ít nhất một câu để thêm vào mục.',
  unknownEntry: 'Không tìm thấy mục tri thức đã chọn.',
};

/** What stands in a kept question for the personal data taken out of it. */
export const MASKS = { phone: '[số điện thoại]', number: '[dãy số]', email: '[email]', name: '[tên]' };

export const LIST_TEXTS = {
  all: 'Tất cả',
  open: 'Đang mở',
  filtersLabel: 'Lọc theo trạng thái',
  exportShown: 'Tải về mục đang xem:',
  count: (label: string, total: number) => `${label}: ${total} phản ánh`,
  columns: { code: 'Mã', received: 'Ngày nhận', due: 'Hạn', status: 'Trạng thái', assignee: 'Người xử lý', channel: 'Kênh', text: 'Nội dung', flags: 'Cảnh báo' },
  backToList: '← Về danh sách',
};

/** The page of one complaint: its facts, where it was sent, whether the citizen heard back, the forms and the history. */
export const DETAIL_TEXTS = {
  backToList: '← Danh sách',
  heading: (code: string) => `Phản ánh ${code}`,
  sections: { facts: 'Thông tin', deliveries: 'Chuyển tới đường dây nóng', reply: 'Báo kết quả cho người dân', actions: 'Xử lý', history: 'Lịch sử' },
  facts: {
    text: 'Nội dung',
    subject: 'Cơ quan/thủ tục',
    phone: 'Số điện thoại',
    channel: 'Kênh',
    received: 'Ngày tiếp nhận',
    due: 'Hạn trả lời',
    status: 'Trạng thái',
    assignee: 'Người xử lý',
    answer: 'Trả lời',
    reason: 'Lý do chuyển/không tiếp nhận',
    erasedAt: 'Đã xóa dữ liệu cá nhân lúc',
  },
  consentAt: (time: string) => ` (đồng ý xử lý dữ liệu cá nhân lúc ${time})`,
  inboxOnly: 'Chỉ nhận qua hộp thư này (chưa cấu hình nhóm Telegram hay webhook).',
  delivered: (time: string, attempts: number) => `đã gửi lúc ${time} (${attempts} lần thử)`,
  deliveryFailed: (attempts: number, error: string) => `gửi lỗi sau ${attempts} lần thử; lỗi gần nhất: ${error}`,
  deliveryPending: 'đang chờ gửi',
  deliveryRetrying: (attempts: number, error: string | undefined, next: string) =>
    `đang chờ gửi lại (đã thử ${attempts} lần; lỗi gần nhất: ${error ?? 'không rõ'}; thử lại lúc ${next})`,
  replyFailureDetail: (channel: string, attempts: number, error: string) => `kênh ${channel}, ${attempts} lần thử; lỗi: ${error}`,
  nothingToTell: 'Chưa có gì để báo (chưa trả lời, chuyển hay từ chối).',
  replySent: (time: string) => `Đã gửi tới người dân lúc ${time}.`,
  replyFailed: (detail: string, code: string) => `Gửi không được (${detail}). Người dân vẫn xem được qua tra cứu mã ${code}.`,
  replyPending: 'Đang chờ gửi.',
  replyRetrying: (attempts: number, error: string | undefined) => `Đang chờ gửi lại (đã thử ${attempts} lần; lỗi gần nhất: ${error ?? 'không rõ'}).`,
  forms: {
    claim: 'Nhận phản ánh này về mình xử lý.',
    answer: 'Câu trả lời gửi người dân',
    transfer: 'Chuyển tới cơ quan nào, vì sao',
    reject: 'Lý do không tiếp nhận',
    close: 'Kết thúc xử lý phản ánh đã trả lời.',
    erase: 'Khi người dân yêu cầu (Luật Bảo vệ dữ liệu cá nhân 2025): xóa nội dung, số điện thoại và ghi chú; giữ lại hồ sơ ẩn danh.',
  },
  typedNotSaved: 'Nội dung anh/chị đã nhập (chưa được lưu):',
  noActions: 'Không còn thao tác nào.',
  historyColumns: { at: 'Thời gian', by: 'Người thực hiện', action: 'Thao tác', note: 'Ghi chú' },
};

// --- The staff's Telegram group: posts, and what staff are told back ---

/** What staff read in the group. */
export const STAFF_GROUP_TEXTS = {
  knowledgeRefused: 'Tệp tri thức vừa sửa có lỗi: bot chưa dùng bản sửa, vẫn trả lời theo bản đúng trước đó. Cần sửa:',
  newTitle: 'Phản ánh, kiến nghị mới',
  received: 'Tiếp nhận',
  due: 'Hạn trả lời',
  channel: 'Kênh',
  subject: 'Cơ quan, thủ tục',
  phone: 'Điện thoại',
  cut: '… (đã rút gọn, xem đầy đủ trong hộp thư /admin)',
  howToAnswer: '↩️ Trả lời (reply) tin nhắn này để gửi câu trả lời tới người dân.',
  claimButton: 'Nhận xử lý',
  claimedBy: (by: string) => `✅ Đã nhận xử lý: ${by}`,
  overdue: (code: string, due: string) => `⏰ Phản ánh ${code} đã quá hạn trả lời (hạn ${due}) mà chưa được trả lời.`,
  replyFailed: (code: string, why: string | undefined) =>
    `⚠️ Câu trả lời cho phản ánh ${code} chưa tới được người dân${why ? ` (lý do: ${why})` : ''}. ` +
    `Người dân vẫn xem được câu trả lời khi tra cứu mã ${code}.`,
};

/** The weekly digest of unanswered questions, posted in the staff group. */
export const DIGEST_TEXTS = {
  heading: (week: string, total: number, groups: number) =>
    `📋 Câu hỏi bot chưa trả lời được, tuần từ ${vnDate(week)}: ${total} câu, ${groups} nhóm. Các nhóm hỏi nhiều nhất:`,
  group: (rank: number, count: number, texts: readonly string[]) => `${rank}. ${count} lượt — ${texts.map((t) => `“${t}”`).join('; ')}`,
  howToAct: (adminUrl: string | undefined) =>
    `Anh/chị gắn câu hỏi vào mục tri thức phù hợp hoặc đánh dấu ngoài phạm vi tại trang “Câu hỏi chưa trả lời được”${adminUrl ? `: ${adminUrl}` : ' của /admin'}.`,
};

/** What staff are told back in the group. */
export const STAFF_UPDATE_TEXTS = {
  claimed: (code: string) => `Anh/chị đã nhận xử lý phản ánh ${code}.`,
  claimedByOther: (by: string) => `Đã có cán bộ khác nhận: ${by}`,
  answered: (code: string) => `✅ Đã gửi câu trả lời tới người dân (phản ánh ${code}).`,
  closed: (code: string) => `✅ Đã đóng phản ánh ${code}.`,
  transferred: (code: string) => `✅ Đã chuyển phản ánh ${code}; người dân sẽ được báo lý do.`,
  refused: (code: string, why: string) => `❌ Không thực hiện được với phản ánh ${code}: ${why}.`,
  unknown: (code: string) => `không tìm thấy phản ánh ${code}`,
  inStatus: (status: string) => `phản ánh đang ở trạng thái “${status}”`,
  closeUsage: 'Cú pháp: /dong <mã phản ánh>, hoặc trả lời (reply) bài đăng của phản ánh bằng /dong.',
  transferUsage: 'Cú pháp: /chuyen <mã phản ánh> <lý do chuyển>, hoặc trả lời (reply) bài đăng của phản ánh bằng /chuyen <lý do>.',
};

// --- Why a notice or a delivery failed, as staff read it in the inbox and the staff group ---

/** Why a notice did not reach the citizen, as staff read it in the inbox and the staff group. */
export const REPLY_ERRORS: Record<SendFailure, string> = {
  window_closed: 'Zalo OA chỉ cho nhắn trong thời hạn tương tác, mà thời hạn này đã hết (người dân cần nhắn cho OA trước)',
  blocked: 'người dân đã chặn hoặc rời khỏi bot',
  rate_limited: 'nền tảng đang giới hạn số tin gửi',
  unavailable: 'nền tảng tạm thời không phản hồi',
  rejected: 'nền tảng từ chối tin nhắn',
};

/** Why a notice has not gone out, in words (a string is a record from before errors were codes: shown as is). */
export function sendErrorText(error: SendError | string): string {
  if (typeof error === 'string') return error;
  switch (error.code) {
    case 'target':
      return error.detail;
    case 'target_threw':
      return `lỗi khi gửi: ${error.detail}`;
    case 'target_gone':
      return `nơi nhận "${error.target}" không còn được cấu hình; không gửi nữa`;
    case 'no_sender':
      return `kênh ${error.channel} chưa được cấu hình trên máy chủ nên không gửi được`;
    case 'reply':
      return `${REPLY_ERRORS[error.reason]} (${error.detail})`;
  }
}

/** Shown in place of a complaint's text, answer or reason after its personal data was erased. */
export const ERASED_TEXT = '[đã xóa theo yêu cầu]';

// --- The exports (CSV for Excel and the national PAKN system): column headers ---

export const EXPORT_HEADERS = {
  code: 'Mã phản ánh',
  received: 'Ngày tiếp nhận',
  due: 'Hạn trả lời',
  status: 'Trạng thái',
  channel: 'Kênh',
  subject: 'Cơ quan/thủ tục',
  text: 'Nội dung',
  phone: 'Số điện thoại',
  consentAt: 'Đồng ý xử lý dữ liệu cá nhân lúc',
  assignee: 'Người xử lý',
  answer: 'Trả lời',
  reason: 'Lý do chuyển/không tiếp nhận',
  decidedAt: 'Ngày trả lời',
  closedAt: 'Ngày đóng',
  erasedAt: 'Đã xóa dữ liệu cá nhân lúc',
};
