// What is kept of a question never holds the person: phone and ID numbers, e-mail
// addresses and the name after "tôi là…" are masked; the question's words stay.
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/dialogue/personal-data.ts';
import { MASKS } from '../../src/texts/staff.ts';

describe('maskPersonalData', () => {
  it.each([
    ['sdt cua toi 0912345678 goi lai giup', `sdt cua toi ${MASKS.phone} goi lai giup`],
    ['số tôi 0912 345 678 nhé', `số tôi ${MASKS.phone} nhé`],
    ['liên hệ +84 912.345.678', `liên hệ ${MASKS.phone}`],
    ['cccd 001099012345 bị mất thì làm lại thế nào', `cccd ${MASKS.number} bị mất thì làm lại thế nào`],
    ['cmnd so 123456789 het han', `cmnd so ${MASKS.number} het han`],
    ['gửi về lan.nguyen@gmail.com giúp em', `gửi về ${MASKS.email} giúp em`],
    ['Tôi là Nguyễn Văn An, muốn hỏi làm hộ chiếu', `Tôi là ${MASKS.name}, muốn hỏi làm hộ chiếu`],
    ['toi ten la tran thi binh o phuong 3 can lam cccd', `toi ten la ${MASKS.name} o phuong 3 can lam cccd`],
    ['em tên Hoa muốn đăng ký kết hôn', `em tên ${MASKS.name} muốn đăng ký kết hôn`],
    ['mình là Lê Minh Tuấn Anh Khoa hỏi về thuế', `mình là ${MASKS.name} Khoa hỏi về thuế`],
    // Read aloud to speech to text, in words or words and figures.
    ['số tui là không chín tám ba một hai ba bốn năm sáu nha', `số tui là ${MASKS.phone} nha`],
    ['goi 0 chin 1 hai ba bon nam sau bay tam', `goi ${MASKS.phone}`],
  ])('%s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps what is not personal: short numbers, dates, fees, codes of procedures', () => {
    // Digit words that are no number: "một hai ba" is too short, "tám chín mươi" is an age.
    for (const text of ['một hai ba bốn năm sáu bảy tám người', 'ông tôi tám chín mươi tuổi', 'lệ phí 15.000 đồng', 'nộp trước ngày 12/10/2025', 'thủ tục 1.001193 làm ở đâu', 'con tôi sinh năm 2019', 'tôi là người dân phường 3']) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });
});
