// Ward and district numbers said in words, as speech-to-text writes them.
import { describe, expect, it } from 'vitest';
import { numbersInDigits } from '../../src/places/spoken-numbers.ts';

describe('numbersInDigits', () => {
  it.each([
    ['phường sáu quận tám cũ giờ là phường gì', 'phường 6 quận 8 cũ giờ là phường gì'],
    ['phường hai quận phú nhuận cũ', 'phường 2 quận phú nhuận cũ'],
    ['phường mười hai quận Tân Bình', 'phường 12 quận Tân Bình'],
    ['phuong hai muoi mot quan binh thanh', 'phuong 21 quan binh thanh'],
    ['nhà ở quận mười', 'nhà ở quận 10'],
    // "giờ" before a question about the place is "now", not the hour.
    ['phường bốn quận sáu giờ thuộc phường nào', 'phường 4 quận 6 giờ thuộc phường nào'],
  ])('writes the number of "%s" in digits', (said, written) => {
    expect(numbersInDigits(said)).toBe(written);
  });

  it.each([
    // Names that begin with a number word.
    'phường Hai Bà Trưng',
    'quận Ba Đình cũ',
    // Words that fold like a type or a number but are others.
    'tôi quan tâm đến thủ tục',
    'quán sáu món',
    'phuong bay gio thuoc dau',
    'phường năm 2020 ra sao',
    // The hour the office opens.
    'phường mở cửa tám giờ sáng',
  ])('leaves "%s" as it is', (said) => {
    expect(numbersInDigits(said)).toBe(said);
  });
});
