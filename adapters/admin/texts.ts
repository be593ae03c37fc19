// Every Vietnamese sentence of the staff inbox, so wording is reviewed in one place.
import type { Transition } from '../../src/complaints/complaint.ts';

export type ActionType = Transition['type'] | 'erase';

export const ACTION_LABELS: Record<ActionType, string> = {
  claim: 'Nhận xử lý',
  answer: 'Trả lời',
  transfer: 'Chuyển cơ quan khác',
  reject: 'Không tiếp nhận',
  close: 'Đóng',
  erase: 'Xóa dữ liệu cá nhân',
};

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
