// Every Vietnamese sentence the bot says lives here, so wording is reviewed and
// changed in one place. The bot addresses citizens as "anh/chị" and itself as "tôi".
import type { Locality } from '../knowledge/locality.ts';

export const LABELS = {
  summary: 'Thủ tục này là gì',
  place: 'Nộp ở đâu',
  agency: 'Cơ quan giải quyết',
  online: 'Nộp trực tuyến',
  postal: 'Qua bưu chính',
  time: 'Thời hạn giải quyết',
  fee: 'Phí, lệ phí',
  documents: 'Hồ sơ cần chuẩn bị',
  steps: 'Các bước thực hiện',
  legal: 'Căn cứ pháp lý',
  conditions: 'Điều kiện',
  result: 'Kết quả nhận được',
  notes: 'Lưu ý',
} as const;

export const TEXTS = {
  unknownField: 'chưa có thông tin chính thức, anh/chị vui lòng hỏi Bộ phận Một cửa trước khi nộp',
  source: (url: string) => `Nguồn: ${url}`,
  reviewed: (updated: string, reviewBy: string) => `Thông tin cập nhật ngày ${vnDate(updated)}, rà soát lại trước ngày ${vnDate(reviewBy)}.`,
  code: (code: string) => `Mã thủ tục: ${code}`,
  followUpPrompt: 'Anh/chị muốn xem thêm phần nào?',
  clarify: 'Anh/chị đang hỏi về thủ tục nào dưới đây? Vui lòng chọn một mục:',
  fallback:
    'Xin lỗi anh/chị, tôi chưa tìm thấy thông tin phù hợp với câu hỏi này. Anh/chị có thể hỏi lại ngắn gọn hơn (ví dụ: "làm giấy khai sinh cần gì"), hoặc liên hệ trực tiếp:',
  complaintStart:
    'Tôi rất tiếc về sự việc anh/chị gặp phải. Tôi sẽ giúp anh/chị gửi phản ánh, kiến nghị đến bộ phận tiếp nhận của địa phương; anh/chị sẽ nhận được mã để tra cứu kết quả xử lý.',
  complaintChoice: 'Gửi phản ánh, kiến nghị',
  hotlineChoice: 'Đường dây nóng, địa chỉ liên hệ',
  greeting:
    'Xin chào anh/chị! Tôi là trợ lý một cửa, có thể hướng dẫn các thủ tục hành chính (khai sinh, cư trú, căn cước, đất đai, hộ kinh doanh…) và tiếp nhận phản ánh, kiến nghị. Anh/chị cần hỏi gì ạ?',
  thanks: 'Cảm ơn anh/chị. Nếu cần hỏi thêm thủ tục nào, anh/chị cứ nhắn cho tôi nhé.',
  exampleLocality: '(Lưu ý: thông tin liên hệ ở trên là ví dụ minh họa, địa phương chưa cập nhật thông tin thật.)',
  nationalPortal: 'Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn',
};

export function contactLines(locality: Locality): string[] {
  const lines: string[] = [];
  for (const office of locality.one_stop) {
    lines.push(`• ${office.name}: ${office.address}; ${office.hours}${office.phone ? `; điện thoại ${office.phone}` : ''}`);
  }
  if (locality.hotline.phone) {
    lines.push(`• Đường dây nóng ${locality.authority}: ${locality.hotline.phone}${locality.hotline.hours ? ` (${locality.hotline.hours})` : ''}`);
  }
  for (const portal of locality.portals) lines.push(`• ${portal.name}: ${portal.url}`);
  if (locality.example) lines.push(TEXTS.exampleLocality);
  return lines;
}

/** 2026-11-22 → 22/11/2026 */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export const MENU_TEXTS = {
  intro:
    'Xin chào anh/chị! Tôi là trợ lý một cửa. Anh/chị có thể gõ câu hỏi (ví dụ: "làm giấy khai sinh cần gì", "đổi căn cước ở đâu"), hoặc chọn một mục dưới đây:',
  help:
    'Cách dùng: gõ câu hỏi về thủ tục hành chính bằng lời của anh/chị, có dấu hay không dấu đều được. Sau khi tôi trả lời, anh/chị có thể hỏi tiếp "còn lệ phí thì sao?", "cần giấy tờ gì?" về cùng thủ tục đó. Các lệnh: /thutuc (xem theo lĩnh vực), /phananh (gửi phản ánh), /tracuu (tra cứu phản ánh), /lienhe (đường dây nóng), /thongbao (nhận thông báo).',
  browse: 'Anh/chị chọn lĩnh vực cần tìm hiểu:',
  sector: (name: string) => `Các thủ tục thuộc lĩnh vực "${name}":`,
  more: 'Xem thêm',
  back: 'Về menu chính',
  browseChoice: 'Tra cứu thủ tục theo lĩnh vực',
  trackChoice: 'Tra cứu phản ánh đã gửi',
  subscribeChoice: 'Nhận thông báo mới',
  contacts: 'Thông tin liên hệ:',
  track: 'Để tra cứu phản ánh đã gửi, anh/chị nhắn: tra cứu <mã phản ánh> (ví dụ: tra cứu PA-7KQ3-M9).',
  subscribed: 'Anh/chị đã đăng ký nhận thông báo mới của địa phương. Để hủy, nhắn: hủy thông báo.',
  unsubscribed: 'Anh/chị đã hủy nhận thông báo.',
  ratePrompt: 'Thông tin trên có giúp ích cho anh/chị không?',
  rateUp: 'Hữu ích',
  rateDown: 'Chưa hữu ích',
  thanksForRating: 'Cảm ơn anh/chị đã đánh giá. Ý kiến của anh/chị giúp chúng tôi cập nhật thông tin tốt hơn.',
  sorryForRating:
    'Cảm ơn anh/chị đã cho biết. Anh/chị có thể hỏi lại chi tiết hơn, hoặc gọi đường dây nóng để được cán bộ hướng dẫn trực tiếp.',
  followUpHint: (labels: string[]) => `Anh/chị có thể hỏi tiếp: ${labels.join(', ').toLowerCase()}.`,
  staleChoice: 'Lựa chọn này đã cũ. Anh/chị vui lòng gõ lại câu hỏi hoặc chọn trong danh sách mới nhất.',
};

export const INBOX_TEXTS = {
  tooFast: 'Anh/chị gửi nhanh quá, vui lòng đợi một chút rồi gửi lại.',
};
