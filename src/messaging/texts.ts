// What the delivery pipeline itself says to citizens (the dialogue's words are in dialogue/texts.ts).
export const INBOX_TEXTS = {
  tooFast: 'Anh/chị gửi nhanh quá, vui lòng đợi một chút rồi gửi lại.',
};
