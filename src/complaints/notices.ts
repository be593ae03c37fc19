// What the send loop says, in Vietnamese: the notice a citizen gets on their channel
// when staff answer, transfer or reject their complaint (each names the tracking code
// and how to look it up again), and, for staff, why a notice or a delivery failed.
import type { ChannelName, SendFailure } from '../kernel/messages.ts';
import type { Reply } from '../kernel/reply.ts';
import type { Complaint } from './complaint.ts';

const lookUp = (code: string) => `Anh/chị có thể xem lại bất cứ lúc nào bằng cách nhắn: tra cứu ${code}`;

export const NOTICE_TEXTS = {
  answered: (code: string, answer: string) => `Phản ánh ${code} của anh/chị đã có câu trả lời:\n\n${answer}\n\n${lookUp(code)}`,
  transferred: (code: string, reason: string) =>
    `Phản ánh ${code} của anh/chị đã được chuyển đến cơ quan có thẩm quyền giải quyết.\nLý do: ${reason}\n\n${lookUp(code)}`,
  rejected: (code: string, reason: string) => `Rất tiếc, phản ánh ${code} của anh/chị không được tiếp nhận.\nLý do: ${reason}\n\n${lookUp(code)}`,
};

/**
 * The notice for the complaint as it stands now (its answer, or why it was
 * transferred or rejected), or undefined when there is nothing to tell.
 */
export function citizenNotice(complaint: Complaint): Reply[] | undefined {
  const { code, status, answer, reason } = complaint;
  if ((status === 'answered' || status === 'closed') && answer) return [{ text: NOTICE_TEXTS.answered(code, answer) }];
  if (status === 'transferred' && reason) return [{ text: NOTICE_TEXTS.transferred(code, reason) }];
  if (status === 'rejected' && reason) return [{ text: NOTICE_TEXTS.rejected(code, reason) }];
  return undefined;
}

/** Why a notice did not reach the citizen, as staff read it in the inbox and the staff group. */
export const REPLY_ERRORS: Record<SendFailure, string> = {
  window_closed: 'Zalo OA chỉ cho nhắn trong thời hạn tương tác, mà thời hạn này đã hết (người dân cần nhắn cho OA trước)',
  blocked: 'người dân đã chặn hoặc rời khỏi bot',
  rate_limited: 'nền tảng đang giới hạn số tin gửi',
  unavailable: 'nền tảng tạm thời không phản hồi',
  rejected: 'nền tảng từ chối tin nhắn',
};

export const SEND_LOOP_TEXTS = {
  replyError: (reason: SendFailure, detail: string) => `${REPLY_ERRORS[reason]} (${detail})`,
  noSender: (channel: ChannelName) => `kênh ${channel} chưa được cấu hình trên máy chủ nên không gửi được`,
  targetGone: (target: string) => `nơi nhận "${target}" không còn được cấu hình; không gửi nữa`,
  targetThrew: (message: string) => `lỗi khi gửi: ${message}`,
};
