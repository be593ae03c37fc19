// What the web chat API says when it cannot answer: short, polite, Vietnamese.
// The chat page shows these to the citizen as they are.
export const WEB_TEXTS = {
  badSession: 'Phiên trò chuyện không hợp lệ. Anh/chị vui lòng tải lại trang.',
  emptyText: 'Anh/chị vui lòng nhập câu hỏi.',
  tooLong: 'Câu hỏi quá dài (tối đa 2000 ký tự). Anh/chị vui lòng viết ngắn gọn hơn.',
  tooFast: 'Anh/chị gửi nhanh quá, vui lòng đợi một phút rồi gửi lại.',
  badRequest: 'Yêu cầu không hợp lệ. Anh/chị vui lòng tải lại trang và thử lại.',
  tooLarge: 'Nội dung gửi lên quá lớn. Anh/chị vui lòng viết ngắn gọn hơn.',
  unavailable: 'Xin lỗi anh/chị, hệ thống đang bận nên chưa trả lời được. Anh/chị vui lòng thử lại sau ít phút.',
  serverError: 'Xin lỗi anh/chị, đã có lỗi xảy ra. Anh/chị vui lòng thử lại sau ít phút.',
} as const;

/** The "Tra cứu phản ánh" page and its JSON endpoint. */
export const TRACK_TEXTS = {
  heading: 'Tra cứu phản ánh',
  codeLabel: 'Mã phản ánh',
  codeHint: 'Mã có dạng PA-XXXX-XX, được gửi cho anh/chị khi phản ánh được tiếp nhận. Chữ hoa hay chữ thường, có dấu gạch hay không đều được.',
  submit: 'Tra cứu',
  remembered: 'Phản ánh anh/chị đã gửi từ máy này',
  backToChat: 'Quay lại khung hỏi đáp',
  tooMany: 'Anh/chị tra cứu nhiều lần quá, vui lòng đợi một phút rồi thử lại.',
} as const;
