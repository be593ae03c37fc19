import { describe, expect, it } from 'vitest';
import { canonical, fold, hasDiacritics, words } from '../../src/kernel/vietnamese.ts';

describe('canonical', () => {
  it.each([
    ['Hoà Bình', 'hòa bình'], // new-style tone placement → old style
    ['thuỷ lợi', 'thủy lợi'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['Uỷ ban nhân dân', 'ủy ban nhân dân'],
    ['hoàn thành', 'hoàn thành'], // closed syllable: the mark stays on the second vowel
    ['thúê nhà', 'thuế nhà'], // misplaced mark goes to the marked vowel
    ['lí lịch', 'lý lịch'], // i/y spelling variants
    ['kĩ thuật', 'kỹ thuật'],
    ['quí', 'quý'],
    ['NGƯỜI', 'người'],
    ['giấy tờ', 'giấy tờ'], // "gi" is a consonant
    ['gì', 'gì'],
    ['ngoài', 'ngoài'],
    ['khuỷu tay', 'khuỷu tay'],
    ['quyển sổ', 'quyển sổ'],
    ['Đăng Ký', 'đăng ký'],
    ['mã 1.001193!', 'mã 1.001193!'], // digits and punctuation are left alone
  ])('%s → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('treats NFC and NFD input alike', () => {
    expect(canonical('hoà'.normalize('NFD'))).toBe(canonical('hoà'.normalize('NFC')));
    expect(canonical('Thuế'.normalize('NFD'))).toBe('thuế');
  });

  it('is idempotent', () => {
    const samples = ['Hoà Bình', 'thuỷ', 'Đăng kí kết hôn', 'lam gks cho con can j', 'Uỷ ban', 'khuỷu', 'NGƯỜI NƯỚC NGOÀI'];
    for (const s of samples) expect(canonical(canonical(s))).toBe(canonical(s));
    for (const s of samples) expect(fold(fold(s))).toBe(fold(s));
  });
});

describe('fold', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['thuế', 'thue'],
    ['thuê', 'thue'],
    ['Hoà', 'hoa'],
    ['căn cước công dân', 'can cuoc cong dan'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('helpers', () => {
  it('detects diacritics', () => {
    expect(hasDiacritics('lam giay khai sinh')).toBe(false);
    expect(hasDiacritics('làm giấy khai sinh')).toBe(true);
    expect(hasDiacritics('dang ky đat')).toBe(true);
  });

  it('splits words on punctuation', () => {
    expect(words('Sổ đỏ, mất rồi?!')).toEqual(['sổ', 'đỏ', 'mất', 'rồi']);
  });
});
