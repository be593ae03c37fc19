// Every sentence a citizen reads: the bot's replies on every channel, the web chat and
// tracking pages, the notices about their complaint and the bot's command menus. Kept in
// one place so wording is reviewed and changed together. The bot addresses citizens as
// "anh/chị" and itself as "tôi".
import { vnDate } from '../kernel/vietnam-time.ts';

// --- Answers about a procedure: the section labels and the sentences around them ---

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
  full: 'Xem đầy đủ',
} as const;

export const TEXTS = {
  unknownField: 'chưa có thông tin chính thức, anh/chị vui lòng hỏi Bộ phận Một cửa trước khi nộp',
  notOnPortal: 'Cổng Dịch vụ công quốc gia không ghi thông tin này; anh/chị vui lòng hỏi cơ quan giải quyết hoặc Bộ phận Một cửa trước khi nộp.',
  fromNationalPortal: 'Thông tin dưới đây lấy từ Cổng Dịch vụ công quốc gia, chưa được cán bộ địa phương biên soạn lại.',
  source: (url: string) => `Nguồn: ${url}`,
  reviewed: (updated: string, reviewBy: string) => `Thông tin cập nhật ngày ${vnDate(updated)} (rà soát lại trước ngày ${vnDate(reviewBy)}).`,
  reviewOverdue: 'Thông tin này đã quá hạn rà soát: anh/chị vui lòng hỏi lại Bộ phận Một cửa trước khi chuẩn bị hồ sơ.',
  code: (code: string) => `Mã thủ tục: ${code}`,
  clarify: 'Anh/chị đang hỏi về thủ tục nào dưới đây? Vui lòng chọn một mục:',
  scamWarning:
    'Anh/chị nên cẩn thận: đây có nhiều dấu hiệu lừa đảo. Cơ quan nhà nước không gọi điện, nhắn tin hay gửi đường link để yêu cầu cung cấp mã OTP, chuyển tiền vào tài khoản cá nhân hay cài ứng dụng; cũng không có cách "làm nhanh", "không cần thi" nào bằng cách đưa tiền cho người quen. Anh/chị đừng chuyển tiền hay đọc mã cho ai. Lệ phí thật được niêm yết tại Bộ phận Một cửa và trên Cổng Dịch vụ công quốc gia. Nếu đã lỡ chuyển tiền hoặc nghi ngờ, anh/chị báo ngay Công an xã, phường nơi cư trú (hoặc gọi 113) và có thể liên hệ:',
  clarifyGuess:
    'Tôi chưa chắc anh/chị hỏi thủ tục nào. Có thể là một trong các thủ tục dưới đây (theo Cổng Dịch vụ công quốc gia); anh/chị chọn một mục để xem. Nếu không phải, anh/chị vui lòng hỏi lại rõ hơn hoặc liên hệ:',
  alsoAsked: (title: string) => `Anh/chị còn hỏi về: ${title}. Mời chọn mục này bên dưới để xem tiếp.`,
  alternatives: (titles: string[]) => `Nếu anh/chị hỏi trường hợp khác, có thể xem thêm: ${titles.join('; ')}.`,
  clarifyAspect: (parts: string[]) => `Anh/chị hỏi ${parts.join(', ')} của thủ tục nào dưới đây? Vui lòng chọn một mục:`,
  clarifyOne: 'Có phải anh/chị hỏi về thủ tục dưới đây không? Nếu đúng, anh/chị chọn để xem; nếu không, anh/chị vui lòng hỏi lại rõ hơn.',
  clarifyOneAspect: (parts: string[]) =>
    `Có phải anh/chị hỏi ${parts.join(', ')} của thủ tục dưới đây không? Nếu đúng, anh/chị chọn để xem; nếu không, anh/chị vui lòng hỏi lại rõ hơn.`,
  whichProcedure: (parts: string[]) =>
    `Anh/chị hỏi ${parts.join(', ')} của thủ tục nào ạ? Anh/chị vui lòng nhắn kèm tên thủ tục (ví dụ: "lệ phí đăng ký khai sinh"), tôi sẽ trả lời ngay.`,
  localOffices: 'Bộ phận Một cửa của địa phương:',
  noOnlineInfo: 'chưa có thông tin về nộp trực tuyến; anh/chị xem trên Cổng Dịch vụ công quốc gia: https://dichvucong.gov.vn.',
  portalPage: (url: string) => `Trang thủ tục: ${url}`,
  moreItems: (count: number, label: string) => `… và ${count} mục nữa: anh/chị chọn "${label}" để xem đủ.`,
  legalBasis: (first: string, others: number) => `Căn cứ: ${first}${others ? ` (và ${others} văn bản khác)` : ''}`,
  fallback:
    'Xin lỗi anh/chị, tôi chưa tìm thấy thông tin phù hợp với câu hỏi này. Anh/chị có thể hỏi lại ngắn gọn hơn (ví dụ: "làm giấy khai sinh cần gì"), hoặc liên hệ trực tiếp:',
  complaintStart:
    'Tôi rất tiếc về sự việc anh/chị gặp phải. Tôi sẽ giúp anh/chị gửi phản ánh, kiến nghị đến bộ phận tiếp nhận của địa phương; anh/chị sẽ nhận được mã để tra cứu kết quả xử lý.',
  complaintChoice: 'Gửi phản ánh, kiến nghị',
  hotlineChoice: 'Đường dây nóng, địa chỉ liên hệ',
  smalltalk: {
    greeting:
      'Xin chào anh/chị! Tôi là trợ lý một cửa, có thể hướng dẫn các thủ tục hành chính (khai sinh, cư trú, căn cước, đất đai, hộ kinh doanh…) và tiếp nhận phản ánh, kiến nghị. Anh/chị cần hỏi gì ạ?',
    thanks: 'Cảm ơn anh/chị. Nếu cần hỏi thêm thủ tục nào, anh/chị cứ nhắn cho tôi nhé.',
    farewell: 'Chào anh/chị. Khi cần hỏi thủ tục hay gửi phản ánh, anh/chị cứ nhắn cho tôi bất cứ lúc nào.',
    chitchat:
      'Tôi là trợ lý tự động của Bộ phận Một cửa: tôi hướng dẫn thủ tục hành chính (cần giấy tờ gì, nộp ở đâu, mất bao lâu, lệ phí, nộp trực tuyến) và nhận phản ánh, kiến nghị. Anh/chị cần hỏi thủ tục nào ạ?',
    displeased:
      'Xin lỗi anh/chị vì câu trả lời chưa được như ý. Anh/chị có thể hỏi ngắn từng ý, ví dụ "lệ phí bao nhiêu" hay "nộp ở đâu", tôi sẽ trả lời đúng phần đó. Cần cán bộ hỗ trợ trực tiếp thì anh/chị nhắn "liên hệ" để xem số đường dây nóng.',
  },
  /** Chit-chat while a procedure is being asked about: the bot says it still has it in mind. */
  smalltalkOnTopic: (title: string) =>
    `Tôi là trợ lý tự động của Bộ phận Một cửa, chuyên hướng dẫn thủ tục hành chính và nhận phản ánh, kiến nghị. Anh/chị cứ hỏi tiếp về “${title}” (giấy tờ, nơi nộp, thời gian, lệ phí…) hoặc hỏi thủ tục khác nhé.`,
  exampleLocality: '(Lưu ý: địa chỉ, điện thoại trên chỉ là ví dụ, địa phương chưa cập nhật.)',
};

/** The lines that tell where to go: the one-stop offices, the hotline and the portals. */
export const CONTACT_TEXTS = {
  office: (office: { name: string; address: string; hours: string; phone?: string }) =>
    `• ${office.name}: ${office.address}; ${office.hours}${office.phone ? `; điện thoại ${office.phone}` : ''}`,
  hotline: (authority: string, phone: string, hours: string | undefined) => `• Đường dây nóng ${authority}: ${phone}${hours ? ` (${hours})` : ''}`,
  portal: (name: string, url: string) => `• ${name}: ${url}`,
};

// --- Menus, buttons and the rating of an answer ---

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
  track: 'Để tra cứu phản ánh đã gửi, anh/chị nhắn: tra cứu <mã phản ánh> (ví dụ: tra cứu PA-7KQ3-Q9).',
  subscribed: 'Anh/chị đã đăng ký nhận thông báo mới của địa phương. Để hủy, nhắn: hủy thông báo.',
  unsubscribed: 'Anh/chị đã hủy nhận thông báo.',
  ratePrompt: 'Thông tin trên có giúp ích cho anh/chị không?',
  moreOrRate: 'Anh/chị nhắn số để xem thêm, hoặc cho biết thông tin trên có giúp ích không:',
  rateUp: 'Hữu ích',
  rateDown: 'Chưa hữu ích',
  thanksForRating: 'Cảm ơn anh/chị đã đánh giá. Ý kiến của anh/chị giúp chúng tôi cập nhật thông tin tốt hơn.',
  sorryForRating:
    'Cảm ơn anh/chị đã cho biết. Anh/chị có thể hỏi lại chi tiết hơn, hoặc gọi đường dây nóng để được cán bộ hướng dẫn trực tiếp.',
  followUpHint: (labels: string[]) => `Anh/chị có thể hỏi tiếp: ${labels.join(', ').toLowerCase()}.`,
  staleChoice: 'Lựa chọn này đã cũ. Anh/chị vui lòng gõ lại câu hỏi hoặc chọn trong danh sách mới nhất.',
  seeProcedure: (title: string) => `Xem thủ tục: ${title.length > 60 ? `${title.slice(0, title.lastIndexOf(' ', 60))}…` : title}`,
};

// --- Places after the 2025 merger of administrative units ---

/** Answers about administrative units after the 2025 merger ("phường cũ X giờ thuộc đâu?"). */
export const PLACE_TEXTS = {
  /** After a unit in a choice among places: a unit since the merger, or one before it. */
  newUnit: ' (mới)',
  oldUnit: ' cũ',
  /** typed is how the citizen wrote a mistyped name, meant the name it was read as. */
  readAs: (typed: string, meant: string) => `(Tôi hiểu "${typed}" là ${meant}.)`,
  oldInto: (old: string, commune: string, province: string) => `${old} cũ nay thuộc ${commune}, ${province}.`,
  oldSplit: (old: string, communes: string[], province: string) =>
    `${old} cũ nay được chia về ${communes.length} đơn vị: ${communes.join(', ')} (${province}). Anh/chị vui lòng đối chiếu địa chỉ nhà (số nhà, tổ dân phố, thôn) để biết mình thuộc đơn vị nào; nếu chưa rõ, anh/chị có thể hỏi Ủy ban nhân dân của ${communes[0]}.`,
  commune: (commune: string, province: string, formedFrom: string[]) =>
    formedFrom.length
      ? `${commune} (${province}) là đơn vị hành chính cấp xã từ ngày 01/07/2025, được hình thành từ: ${formedFrom.join(', ')}.`
      : `${commune} (${province}) giữ nguyên khi sắp xếp đơn vị hành chính năm 2025.`,
  oldProvince: (old: string, province: string) => `${old} cũ nay thuộc ${province}.`,
  province: (province: string, formedFrom: string[]) =>
    formedFrom.length ? `${province} từ ngày 01/07/2025 được hình thành từ: ${formedFrom.join(', ')}.` : `${province} giữ nguyên khi sắp xếp đơn vị hành chính năm 2025.`,
  district: (district: string, province: string, communes: string[]) =>
    `Từ ngày 01/07/2025 không còn cấp huyện: ${district} cũ (${province}) không còn là đơn vị hành chính.${communes.length ? ` Các xã, phường cũ của ${district} nay thuộc: ${communes.join(', ')}.` : ''}`,
  whereToFile: (commune: string) => `Anh/chị nộp hồ sơ tại Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của ${commune}:`,
  noOfficeListed: (commune: string) =>
    `Anh/chị nộp hồ sơ tại Bộ phận Một cửa (Trung tâm Phục vụ hành chính công) của ${commune}, đặt tại trụ sở Ủy ban nhân dân. Tôi chưa có địa chỉ, giờ làm việc của nơi này; anh/chị có thể xem trên Cổng Dịch vụ công của tỉnh, thành phố hoặc gọi đường dây nóng của địa phương.`,
  // Nghị định 118/2025/NĐ-CP (9/6/2025, in force 1/7/2025): the provincial and commune centres receive dossiers regardless of
  // administrative boundary within the province for the procedures it lists. Source (research notes, procedures.md §1):
  // https://news.laodong.vn/thoi-su/pham-vi-tiep-nhan-thu-tuc-hanh-chinh-tai-bo-phan-mot-cua-tu-172025-1528301.ldo
  anywhereInProvince: (province: string) =>
    `Theo Nghị định 118/2025/NĐ-CP, nhiều thủ tục hành chính được tiếp nhận không phụ thuộc địa giới hành chính: anh/chị có thể nộp tại bất kỳ Bộ phận Một cửa nào trong ${province}, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), không cần về đúng nơi cư trú.`,
  alsoHere: 'Anh/chị cũng có thể nộp tại:',
  source: 'Nguồn: danh sách đơn vị hành chính cấp tỉnh, cấp xã từ ngày 01/07/2025 (dữ liệu sắp xếp của Tổng cục Thống kê và bản đồ sáp nhập) và danh mục quận, huyện, xã, phường trước sắp xếp của Tổng cục Thống kê.',
  askProvince: (typed: string, more: number) =>
    `Có nhiều nơi tên "${typed}" ở các tỉnh, thành phố khác nhau. Anh/chị ở "${typed}" thuộc tỉnh, thành phố nào? Anh/chị chọn dưới đây${more ? ` (còn ${more} nơi khác)` : ''}, hoặc nhắn thêm tên tỉnh, thành phố (cũ hay mới đều được).`,
  askDistrict: (typed: string, province: string, more: number) =>
    `${province} có nhiều nơi tên "${typed}" (trước đây thuộc các quận, huyện khác nhau). Anh/chị ở "${typed}" thuộc quận, huyện nào trước đây? Anh/chị chọn dưới đây${more ? ` (còn ${more} nơi khác)` : ''}, hoặc nhắn thêm tên quận, huyện cũ.`,
  unknown: (typed: string) => `Tôi chưa tìm thấy đơn vị hành chính nào tên "${typed}", kể cả tên cũ trước ngày 01/07/2025.`,
  unknownHamlet:
    'Danh sách đơn vị hành chính tôi có gồm tỉnh, thành phố và xã, phường (cả tên cũ trước ngày 01/07/2025), không có thôn, xóm, ấp, bản, khu dân cư hay tên đường. Anh/chị nhắn tên xã, phường (cũ) của nơi đó, tôi sẽ chỉ xã, phường mới và nơi nộp hồ sơ.',
  didYouMean: 'Có phải anh/chị muốn hỏi một trong các nơi dưới đây?',
  checkName: 'Anh/chị vui lòng kiểm tra lại tên, hoặc nhắn kèm tên quận, huyện, tỉnh cũ. Anh/chị cũng có thể liên hệ:',
  notePrefix: 'Lưu ý về nơi nộp hồ sơ:',
  askCommune: 'Anh/chị nhắn tên xã, phường nơi mình ở (tên cũ hay mới đều được) để tôi chỉ đúng nơi nộp hồ sơ.',
};

// --- The complaint intake and its tracking, in the chat ---

const lookUpHint = (code: string) => `Anh/chị có thể xem kết quả bất cứ lúc nào bằng cách nhắn: tra cứu ${code}`;

/** The complaint intake (phản ánh, kiến nghị) and "tra cứu <mã>". */
export const COMPLAINT_TEXTS = {
  // Intake, step by step.
  describeStep: 'Bước 1/4 – Nội dung:',
  describe:
    'Bước 1/4 – Nội dung: anh/chị vui lòng kể lại sự việc (xảy ra ở đâu, khi nào, ai liên quan, anh/chị mong được giải quyết thế nào). Có thể gửi nhiều tin nhắn; khi đã kể đủ, anh/chị bấm "Xong, tiếp tục" hoặc nhắn "xong".',
  firstPartKept: 'Tôi đã ghi lại tin nhắn vừa rồi làm phần đầu của nội dung phản ánh.',
  addMore: 'Anh/chị có thể nhắn thêm chi tiết, hoặc bấm "Xong, tiếp tục" (nhắn "xong") khi đã kể đủ.',
  partAdded: 'Tôi đã ghi thêm vào nội dung phản ánh.',
  phoneNotKept: 'Số điện thoại anh/chị vừa nhắn không được ghi vào nội dung; nếu muốn được liên hệ lại, anh/chị sẽ để lại số ở bước sau, sau khi đọc thông báo về dữ liệu cá nhân.',
  descriptionFull:
    'Nội dung phản ánh đã khá dài nên tôi chưa ghi thêm tin nhắn vừa rồi. Anh/chị vui lòng bấm "Xong, tiếp tục", hoặc gửi phần còn lại ngắn gọn hơn.',
  emptyDescription: 'Anh/chị chưa nhập nội dung phản ánh. Anh/chị vui lòng kể lại sự việc trước khi tiếp tục.',
  subject:
    'Bước 2/4 – Phản ánh này liên quan đến cơ quan hoặc thủ tục nào? Anh/chị có thể gõ tên cơ quan, thủ tục, hoặc bấm "Bỏ qua" nếu không rõ.',
  // In force since 1/1/2026: Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 and its Nghị định 356/2025/NĐ-CP
  // (31/12/2025), which replaced Nghị định 13/2023/NĐ-CP. Sources: the decree's text as published at
  // https://wincolaw.com.vn/vi/nghi-dinh-356-2025-nd-cp-ngay-31-12-2025-huong-dan-luat-bao-ve-du-lieu-ca-nhan.html;
  // https://www.frasersvn.com/vi/legal-updates-and-publications/the-next-chapter-in-data-protection-new-decree-guiding-the-personal-data-protection-law
  consent: (authority: string, hotline: string) =>
    [
      'Bước 3/4 – Số điện thoại liên hệ (không bắt buộc). Trước khi để lại số, anh/chị vui lòng đọc thông báo xử lý dữ liệu cá nhân theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP:',
      '• Dữ liệu thu thập: số điện thoại của anh/chị.',
      '• Mục đích: chỉ để cán bộ liên hệ lại với anh/chị về phản ánh này.',
      `• Bên xử lý: bộ phận tiếp nhận phản ánh, kiến nghị của ${authority}.`,
      '• Thời gian lưu: trong thời gian giải quyết phản ánh và thời hạn lưu hồ sơ theo quy định của pháp luật.',
      `• Quyền của anh/chị: rút lại sự đồng ý, yêu cầu xem hoặc xóa số điện thoại bất cứ lúc nào${hotline ? ` qua đường dây nóng ${hotline}` : ' qua đường dây nóng của địa phương'}, kèm mã phản ánh.`,
      '• Không để lại số điện thoại thì phản ánh vẫn được tiếp nhận như bình thường; anh/chị xem kết quả bằng mã phản ánh.',
    ].join('\n'),
  consentUnclear: 'Anh/chị vui lòng chọn "Đồng ý, để lại số điện thoại" hoặc "Không để lại số".',
  phone: 'Anh/chị vui lòng nhập số điện thoại liên hệ (ví dụ: 0912 345 678), hoặc bấm "Bỏ qua".',
  badPhone:
    'Số điện thoại này chưa đúng dạng. Số điện thoại Việt Nam gồm 10 chữ số, bắt đầu bằng 0 (ví dụ: 0912 345 678) hoặc +84. Anh/chị vui lòng nhập lại, hoặc bấm "Bỏ qua".',
  review: (text: string, subject: string | undefined, phone: string | undefined) =>
    [
      'Bước 4/4 – Anh/chị vui lòng kiểm tra lại phản ánh trước khi gửi:',
      `Nội dung: ${text}`,
      `Cơ quan/thủ tục: ${subject ?? 'không nêu'}`,
      `Số điện thoại: ${phone ?? 'không để lại'}`,
    ].join('\n'),
  reviewUnclear: 'Anh/chị vui lòng bấm "Gửi phản ánh" để gửi, hoặc "Hủy" nếu không muốn gửi nữa.',
  cancelled: 'Tôi đã hủy phản ánh đang soạn; nội dung chưa được gửi đi. Khi cần, anh/chị có thể gửi phản ánh bất cứ lúc nào bằng lệnh /phananh.',
  submitFailed:
    'Xin lỗi anh/chị, phản ánh chưa gửi được do hệ thống đang bận. Nội dung anh/chị đã nhập vẫn được giữ nguyên; anh/chị vui lòng bấm "Gửi lại" sau ít phút.',
  submitted: (code: string, dueDate: string) =>
    `Phản ánh của anh/chị đã được tiếp nhận.\nMã phản ánh: ${code}\nHạn trả lời: ${vnDate(dueDate)}\nCâu trả lời của cán bộ sẽ được gửi đến anh/chị qua kênh này. ${lookUpHint(code)}`,
  submittedOnWeb: (code: string, dueDate: string) =>
    `Phản ánh của anh/chị đã được tiếp nhận.\nMã phản ánh: ${code}\nHạn trả lời: ${vnDate(dueDate)}\nAnh/chị vui lòng ghi lại mã này: câu trả lời của cán bộ không tự hiện trong khung chat mà được hiển thị khi tra cứu, tại trang "Tra cứu phản ánh" (đường dẫn ở đầu trang) hoặc ngay tại đây. ${lookUpHint(code)}`,
  // Choices.
  nextChoice: 'Xong, tiếp tục',
  skipChoice: 'Bỏ qua',
  agreeChoice: 'Đồng ý, để lại số điện thoại',
  declineChoice: 'Không để lại số',
  sendChoice: 'Gửi phản ánh',
  resendChoice: 'Gửi lại',
  cancelChoice: 'Hủy',
  // Tracking.
  trackHeading: (code: string) => `Phản ánh ${code}`,
  trackLabels: { receivedOn: 'Ngày tiếp nhận', dueOn: 'Hạn trả lời', status: 'Tình trạng', reason: 'Lý do', answer: 'Trả lời của cán bộ' },
  overdue: 'Phản ánh đã quá hạn trả lời; chúng tôi xin lỗi anh/chị vì sự chậm trễ, bộ phận tiếp nhận đã được nhắc để trả lời sớm nhất.',
  erased: 'Thông tin cá nhân và nội dung của phản ánh này đã được xóa theo yêu cầu.',
  mistypedCode: (typed: string) =>
    `Mã "${typed}" chưa đúng: có thể thiếu hoặc gõ nhầm một ký tự. Mã phản ánh có dạng PA-XXXX-XX (ví dụ: PA-7KQ3-Q9), gồm chữ PA, 4 ký tự, rồi 2 ký tự (chữ in hoa và chữ số). Anh/chị vui lòng kiểm tra lại mã trong tin nhắn tôi đã gửi khi tiếp nhận phản ánh.`,
  unknownCode: (code: string) =>
    `Tôi không tìm thấy phản ánh nào có mã ${code}. Anh/chị vui lòng kiểm tra lại mã, hoặc liên hệ đường dây nóng để được hỗ trợ.`,
};

/** What the delivery pipeline itself says to citizens. */
export const INBOX_TEXTS = {
  tooFast: 'Anh/chị gửi nhanh quá, vui lòng đợi một chút rồi gửi lại.',
};

// --- Notices on the citizen's channel when staff answer, transfer or reject their complaint ---
// Each names the tracking code and how to look it up again.

const lookUp = (code: string) => `Anh/chị có thể xem lại bất cứ lúc nào bằng cách nhắn: tra cứu ${code}`;

export const NOTICE_TEXTS = {
  answered: (code: string, answer: string) => `Phản ánh ${code} của anh/chị đã có câu trả lời:\n\n${answer}\n\n${lookUp(code)}`,
  transferred: (code: string, reason: string) =>
    `Phản ánh ${code} của anh/chị đã được chuyển đến cơ quan có thẩm quyền giải quyết.\nLý do: ${reason}\n\n${lookUp(code)}`,
  rejected: (code: string, reason: string) => `Rất tiếc, phản ánh ${code} của anh/chị không được tiếp nhận.\nLý do: ${reason}\n\n${lookUp(code)}`,
};

/** What the citizen sees of each status (issue 4: received → in progress → answered → closed, or transferred / rejected). */
export const STATUS_TEXTS = {
  received: 'đã tiếp nhận',
  in_progress: 'đang xử lý',
  answered: 'đã trả lời',
  closed: 'đã đóng',
  transferred: 'đã chuyển cơ quan khác',
  rejected: 'không tiếp nhận',
} as const;

// --- The web chat: API errors, the tracking page, the words of the page and its scripts ---

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

// --- Errors any HTTP request may get (citizens may see them in a browser) ---

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

// --- Channels: the Telegram command menu and the Zalo hint for numbered choices ---

/** The command menu next to the Telegram text box; typed commands arrive as text (e.g. "/thutuc"). */
export const TELEGRAM_COMMANDS: readonly { command: string; description: string }[] = [
  { command: 'start', description: 'Bắt đầu' },
  { command: 'help', description: 'Hướng dẫn' },
  { command: 'thutuc', description: 'Tra cứu thủ tục theo lĩnh vực' },
  { command: 'phananh', description: 'Gửi phản ánh, kiến nghị' },
  { command: 'tracuu', description: 'Tra cứu phản ánh' },
  { command: 'lienhe', description: 'Đường dây nóng, địa chỉ' },
  { command: 'thongbao', description: 'Nhận thông báo' },
];

/** Zalo has no buttons: the citizen answers a numbered list by typing the number. */
export const CHOICE_HINT = 'Anh/chị trả lời bằng số thứ tự, ví dụ: 1';

// --- Words the importer writes into procedure files, and the locality used when none is set up ---

/** What imported procedure files say where the portal is silent or was cut; citizens read them in answers. */
export const PORTAL_TEXTS = {
  submit: {
    inPerson: 'Nộp trực tiếp (theo Cổng Dịch vụ công quốc gia)',
    online: 'Nộp trực tuyến (theo Cổng Dịch vụ công quốc gia)',
    postal: 'Nộp qua dịch vụ bưu chính (theo Cổng Dịch vụ công quốc gia)',
  },
  noSector: 'Chưa phân loại',
  /** The sector of a question-and-answer entry that names none. */
  faqSector: 'Cải cách hành chính',
  sourceTitle: (code: string) => `Cổng Dịch vụ công quốc gia – ${code}`,
  noUnit: (time: string) => `${time} (Cổng không ghi đơn vị)`,
  /** Between the values of one channel listed in several rows (one per case). */
  or: ' hoặc ',
  /** Said at the end of a list that was cut, so nobody mistakes it for the whole list. */
  moreOnPortal: '(Còn nữa – xem đầy đủ trên Cổng Dịch vụ công quốc gia)',
};

/** The contacts of a knowledge directory without a locality file: only national facts. */
export const NATIONAL_ONLY_TEXTS = {
  authority: 'Ủy ban nhân dân cấp xã nơi anh/chị cư trú',
  office: { name: 'Trung tâm Phục vụ hành chính công cấp xã', address: 'tại trụ sở Ủy ban nhân dân xã, phường nơi anh/chị cư trú', hours: 'giờ hành chính các ngày làm việc' },
  portal: { name: 'Cổng Dịch vụ công quốc gia', url: 'https://dichvucong.gov.vn' },
};

// --- The web chat page (index.html), its scripts and the widget portals embed ---

/** The words of the chat page, filled in by the server when it starts (the title can be configured). */
export const CHAT_PAGE_TEXTS = {
  title: 'Trợ lý một cửa',
  subtitle: 'Hỏi đáp thủ tục hành chính',
  trackLink: TRACK_TEXTS.heading,
  close: 'Đóng khung hỏi đáp',
  log: 'Nội dung trò chuyện',
  typing: 'Đang trả lời…',
  noScript: 'Anh/chị vui lòng bật JavaScript trong trình duyệt để trò chuyện với trợ lý.',
  questionLabel: 'Câu hỏi của anh/chị',
  questionPlaceholder: 'Nhập câu hỏi của anh/chị',
  send: 'Gửi',
};

/** What the page's scripts show; the server sends them in the page as a JSON block. */
export const CHAT_SCRIPT_TEXTS = {
  unreachable: 'Xin lỗi anh/chị, hiện chưa kết nối được với máy chủ. Anh/chị vui lòng kiểm tra kết nối mạng rồi thử lại.',
  failed: WEB_TEXTS.serverError,
  // Read out before each message by screen readers.
  bot: 'Trợ lý: ',
  citizen: 'Anh/chị: ',
  error: 'Lỗi: ',
  choices: 'Các lựa chọn',
  retry: 'Thử lại',
  chosen: ' (đã chọn)',
};

/** The widget's button and the labels of its panel; the server writes them into widget.js when it starts. */
export const WIDGET_TEXTS = {
  launcher: 'Hỏi đáp thủ tục',
  panel: 'Hỏi đáp thủ tục hành chính',
  frame: 'Trợ lý một cửa: hỏi đáp thủ tục hành chính',
};
