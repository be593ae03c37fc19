// Where a second question begins in a citizen's message, if anywhere.
import { describe, expect, it } from 'vitest';
import { questionOf, splitQuestions } from '../../src/search/two-questions.ts';

describe('splitQuestions', () => {
  it.each<[string, [string, string]]>([
    ['Sang tên xe làm ở đâu? Với lại bằng lái sắp hết hạn thì đổi thế nào?', ['Sang tên xe làm ở đâu?', 'Với lại bằng lái sắp hết hạn thì đổi thế nào?']],
    ['dki tam tru can giay to j a? voi lai xin ct07 nop cho truong o dau', ['dki tam tru can giay to j a?', 'voi lai xin ct07 nop cho truong o dau']],
    ['lam so do lan dau mat bao lau, con the chap vay ngan hang thi dang ky o dau', ['lam so do lan dau mat bao lau', 'con the chap vay ngan hang thi dang ky o dau']],
    ['Làm hộ chiếu mất bao lâu ạ, với xin lý lịch tư pháp thì làm ở đâu?', ['Làm hộ chiếu mất bao lâu ạ', 'với xin lý lịch tư pháp thì làm ở đâu?']],
    ['Hồ sơ nộp 10 ngày chưa được duyệt. Với lại giờ nộp bản giấy được không?', ['Hồ sơ nộp 10 ngày chưa được duyệt', 'Với lại giờ nộp bản giấy được không?']],
  ])('"%s"', (text, halves) => {
    expect(splitQuestions(text)).toEqual(halves);
  });

  it.each([
    'đăng ký khai sinh cần giấy tờ gì?',
    'làm căn cước cho con, còn nhỏ', // too little after the comma to be a question
    'Tôi ở trọ Bắc Ninh, làm căn cước ở đâu', // a comma without a word that opens a question
    'làm hộ chiếu ở đâu???',
  ])('"%s" is one question', (text) => {
    expect(splitQuestions(text)).toBeUndefined();
  });
});

describe('questionOf', () => {
  it.each<[string, string]>([
    // The last sentence after a story.
    ['Nhà tôi có ba người, vợ tôi mới sinh bé thứ hai. Làm giấy khai sinh ở đâu ạ?', 'Làm giấy khai sinh ở đâu ạ'],
    // Typed as one run by speech-to-text: from the last "chừ"/"giờ" on.
    [
      'alo nghe được không con trai tôi đi làm xa vợ nó mới sinh thằng cu được hai tuần chừ tôi đi đăng ký khai sinh cho cháu được không',
      'chừ tôi đi đăng ký khai sinh cho cháu được không',
    ],
    ['con toi di lam o dai loan may nam nay vo no moi sinh chau gio ba noi di lam khai sinh cho chau duoc ko', 'gio ba noi di lam khai sinh cho chau duoc ko'],
  ])('"%s" asks "%s"', (text, question) => {
    expect(questionOf(text)).toBe(question);
  });

  it.each([
    'đăng ký khai sinh cần giấy tờ gì?',
    // "giờ" too near the start leaves no story before it.
    'giờ làm căn cước cho con ở đâu vậy ad',
    // A last sentence too short to be the question.
    'Tôi muốn hỏi về đăng ký tạm trú cho người thuê trọ. Cảm ơn.',
  ])('"%s" is its own question', (text) => {
    expect(questionOf(text)).toBeUndefined();
  });
});
