// Typed answers at the steps of the complaint intake, as citizens write them: each stands
// for the button it means, only among the step's own, and longer text stays content.
import { describe, expect, it } from 'vitest';
import { readIntakeAnswer, storyBeforeDone, type IntakeWord } from '../../src/dialogue/intake-answers.ts';

const REVIEW: IntakeWord[] = ['cancel', 'send'];
const CONSENT: IntakeWord[] = ['cancel', 'agree', 'decline'];
const PHONE: IntakeWord[] = ['cancel', 'skip', 'decline'];
const SUBJECT: IntakeWord[] = ['cancel', 'skip'];
const DESCRIBE: IntakeWord[] = ['cancel', 'next', 'skip', 'send'];

describe('readIntakeAnswer', () => {
  it.each<[string, IntakeWord[], IntakeWord | undefined]>([
    ['gửi', REVIEW, 'send'],
    ['ok gui di', REVIEW, 'send'],
    ['xac nhan', REVIEW, 'send'],
    // Past the story, a cancel said in a clause of a longer message cancels; in the story it is the story.
    ['Khoan, thôi khỏi gửi, để tui nói chuyện lại với chủ nhà đã', REVIEW, 'cancel'],
    // Two clauses joined by "mà cũng" with no comma: the second cancels.
    ['thôi không cần số đâu mà cũng khỏi gửi luôn', PHONE, 'cancel'],
    ['cán bộ nói thôi bỏ đi, về đi mai lên, tôi chờ từ sáng tới trưa mà không ai tiếp', DESCRIBE, undefined],
    // However long, a last clause that says to cancel ends it, in the story too; a story that ends with "hủy" says whose.
    ['thôi ad ơi, e vừa nhận được giấy r, khỏi gửi nha, hủy giúp e', DESCRIBE, 'cancel'],
    ['lên phường ba lần, cán bộ bảo về làm lại từ đầu, hồ sơ cũ bị hủy', DESCRIBE, undefined],
    ['Ok gửi đi', REVIEW, 'send'],
    ['gửi đi ạ', REVIEW, 'send'],
    ['gui di con', REVIEW, 'send'],
    ['gửi luôn nha', REVIEW, 'send'],
    ['hủy', REVIEW, 'cancel'],
    ['thôi hủy đi, sợ sau lên làm giấy bị làm khó', REVIEW, 'cancel'],
    ['thoi huy, vua nhan tin bao co ho chieu r =))', CONSENT, 'cancel'],
    ['đồng ý', CONSENT, 'agree'],
    ['ok', CONSENT, 'agree'],
    ['dc', CONSENT, 'agree'],
    ['k can de sdt dau', CONSENT, 'decline'],
    ['thôi khỏi', CONSENT, 'decline'],
    ['ko', CONSENT, 'decline'],
    ['khong de lai so', CONSENT, 'decline'],
    ['khỏi để số', CONSENT, 'decline'],
    ['Không, tôi không muốn để lại số điện thoại.', CONSENT, 'decline'],
    ['không để số điện thoại đâu ạ', CONSENT, 'decline'],
    ['dạ được, để lại số cũng được', CONSENT, 'agree'],
    ['ok de lai so di', CONSENT, 'agree'],
    ['thôi em không cho số đâu', PHONE, 'skip'],
    ['bỏ qua', PHONE, 'skip'],
    ['thôi khỏi con', PHONE, 'skip'],
    ['không rõ', SUBJECT, 'skip'],
    ['hok bit', SUBJECT, 'skip'],
    ['xong', DESCRIBE, 'next'],
    ['xong r a', DESCRIBE, 'next'],
    ['het roi', DESCRIBE, 'next'],
    // "Anything more?" – "no": nothing more to tell.
    ['ko a', DESCRIBE, 'next'],
    ['Không có.', DESCRIBE, 'next'],
    ['Không cần đâu, vậy là đủ', DESCRIBE, 'next'],
    ['Hông, hết rồi', DESCRIBE, 'next'],
    // Teencode and everyday ways to say "that is all", "I do not know", "send it", "no".
    ['hết', DESCRIBE, 'next'],
    ['xog r', DESCRIBE, 'next'],
    ['z thoi', DESCRIBE, 'next'],
    ['vậy đó', DESCRIBE, 'next'],
    ['thôi không phản ánh nữa', DESCRIBE, 'cancel'],
    ['không còn gì nữa', DESCRIBE, 'next'],
    // A cancel said as a clause of its own, in a short message.
    ['Thôi bỏ đi, không phản ánh nữa, sợ phiền người ta', DESCRIBE, 'cancel'],
    // After an interjection, and with the bot addressed at the end.
    ['à thôi hủy đi chị, nhà em bảo thôi kệ', DESCRIBE, 'cancel'],
    ['ờ gửi đi anh', REVIEW, 'send'],
    // "Gửi đi" while telling the story: send it now.
    ['gửi đi', DESCRIBE, 'send'],
    // Central speech: "nớ" (that) opens, "rứa thôi" is "vậy thôi"; "bỏ qua" while telling the story ends it.
    ['nớ thôi hết rồi', DESCRIBE, 'next'],
    ['rứa thôi', DESCRIBE, 'next'],
    ['bỏ qua cái ni', SUBJECT, 'skip'],
    ['bỏ qua', DESCRIBE, 'skip'],
    ['khong nho ten', SUBJECT, 'skip'],
    ['ko biet co quan nao', SUBJECT, 'skip'],
    ['mình không biết cơ quan nào hết, bỏ qua nha', SUBJECT, 'skip'],
    ['bỏ qua câu này', SUBJECT, 'skip'],
    ['chịu', SUBJECT, 'skip'],
    ['khum', CONSENT, 'decline'],
    ['yes', CONSENT, 'agree'],
    ['thôi', PHONE, 'decline'],
    ['đúng rồi, gửi đi', REVIEW, 'send'],
    ['gui lun', REVIEW, 'send'],
    ['ok gửi dùm', REVIEW, 'send'],
    // At the review, a bare yes sends; a change of mind cancels, said with who speaks.
    ['ok', REVIEW, 'send'],
    ['uk', REVIEW, 'send'],
    ['đúng rồi gửi giùm tôi', REVIEW, 'send'],
    ['thôi khỏi gửi, tui đổi ý rồi', REVIEW, 'cancel'],
    // A long message whose clause cancels the complaint by name, padding aside ("phản ánh" keeps its "ánh").
    ['thôi để em hỏi lại bác ấy đã, ad hủy giúp em cái phản ánh này nhé', PHONE, 'cancel'],
    ['Em nghĩ lại rồi, chuyện này để nhà em tự nói với cán bộ, hủy cái khiếu nại đó giúp em', REVIEW, 'cancel'],
  ])('"%s" → %s', (typed, offered, expected) => {
    expect(readIntakeAnswer(typed, offered)).toBe(expected);
  });

  it.each<[string, IntakeWord[]]>([
    // Only the step's own buttons: "gửi" at the consent is not a yes.
    ['gửi', CONSENT],
    // Content, not an answer: a story, an office, a story that begins with "hủy".
    ['Công an phường cho em ở trọ', SUBJECT],
    ['Hủy hẹn ba lần mà không báo trước cho người dân', DESCRIBE],
    ['Cán bộ hẹn đo đất rồi hủy, phản ánh giúp em với, em chờ ba tuần rồi mà không ai tới', DESCRIBE],
    ['Đến nơi thì cán bộ đứng dậy, bỏ đi', DESCRIBE],
    ['gửi hồ sơ ba lần mà cán bộ vẫn bắt bổ sung thêm giấy tờ khác nữa', REVIEW],
    ['', REVIEW],
    // A yes or no read from a sentence only where the step asks one.
    ['không muốn gửi nữa đâu', SUBJECT],
    ['có cán bộ phường đòi tiền', CONSENT],
    // Not a "send" when it refuses or cancels.
    ['không gửi đâu', REVIEW],
  ])('"%s" at %j stands for no button', (typed, offered) => {
    expect(readIntakeAnswer(typed, offered)).toBeUndefined();
  });
});

describe('storyBeforeDone', () => {
  it.each<[string, string | undefined]>([
    ['Gọi số tổng đài không ai nghe, lên hỏi thì bảo chờ. Xong rồi, vậy thôi.', 'Gọi số tổng đài không ai nghe, lên hỏi thì bảo chờ'],
    ['len hoi thi can bo noi thieu giay, xong r', 'len hoi thi can bo noi thieu giay'],
    ['hết rồi đó con', ''],
    ['vậy thôi', ''],
    // Several endings in a row, or "hết" as a sentence of its own after one.
    ['vậy thôi hết rồi', ''],
    ['xong rồi. hết', ''],
    ['Cán bộ hẹn ba lần chưa trả kết quả', undefined],
    ['Tôi chờ xong rồi mới về thì cửa đã đóng, không ai tiếp', undefined],
    // "xong rồi" inside the story's own sentence means done with something else.
    ['tôi nộp hồ sơ xong rồi', undefined],
  ])('"%s" → %j', (typed, story) => {
    expect(storyBeforeDone(typed)).toBe(story);
  });
});
