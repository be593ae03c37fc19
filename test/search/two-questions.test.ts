// Where a second question begins in a citizen's message, if anywhere.
import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../src/search/two-questions.ts';

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
