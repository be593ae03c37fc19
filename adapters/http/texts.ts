// What the server answers, in Vietnamese, for a request it cannot take (citizens may see it
// in a browser): the reason by status, with a short English code for tools and logs.
export const HTTP_TEXTS: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ. Anh/chị vui lòng kiểm tra lại đường dẫn hoặc nội dung đã gửi.',
  401: 'Anh/chị chưa được phép truy cập nội dung này.',
  403: 'Anh/chị không có quyền truy cập nội dung này.',
  404: 'Không tìm thấy trang anh/chị yêu cầu.',
  405: 'Cách gửi yêu cầu này không được hỗ trợ.',
  413: 'Nội dung gửi lên quá lớn.',
  414: 'Đường dẫn quá dài.',
  415: 'Kiểu dữ liệu gửi lên không được hỗ trợ.',
  429: 'Anh/chị gửi nhanh quá, vui lòng đợi một chút rồi thử lại.',
  431: 'Yêu cầu có phần đầu (header) quá lớn.',
};

export const HTTP_FALLBACK_TEXT = 'Yêu cầu không thực hiện được. Anh/chị vui lòng thử lại.';
export const HTTP_SERVER_ERROR_TEXT = 'Hệ thống đang gặp sự cố. Anh/chị vui lòng thử lại sau ít phút.';

/** The Vietnamese reason for a 4xx status. */
export function clientErrorText(status: number): string {
  return HTTP_TEXTS[status] ?? HTTP_FALLBACK_TEXT;
}
