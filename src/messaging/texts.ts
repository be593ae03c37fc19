// What the delivery pipeline itself says to citizens (the dialogue's words are in dialogue/texts.ts).
export const INBOX_TEXTS = {
  tooFast: 'Anh/chị gửi nhanh quá, vui lòng đợi một chút rồi gửi lại.',
  /** Noted for staff on a reply set aside after a day of failed sends. */
  gaveUp: 'vẫn chưa gửi được sau 24 giờ, đã ngừng thử',
};
