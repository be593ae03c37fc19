// Pointing back at what the bot said: a place in the list just shown, and a correction
// of the last answer; anything else is a new message.
import { describe, expect, it } from 'vitest';
import { pointsBack, readCorrection, readLeadingOrdinal, readOrdinal, readTrailingOrdinal, rejectedIn } from '../../src/dialogue/list-pick.ts';

describe('readLeadingOrdinal', () => {
  it.each<[string, number | undefined]>([
    // A place said first, then why.
    ['cai thu hai, tui lam rot o cho roi', 2],
    ['Số 1. Đất do ông bà khai hoang từ những năm 80', 1],
    // One clause is readOrdinal's; a first clause that is no pick is none.
    ['cái thứ 2', undefined],
    ['ba tui mất rồi, cái thứ hai', undefined],
  ])('"%s" → %s of three', (typed, place) => {
    expect(readLeadingOrdinal(typed, 3)).toBe(place);
  });
});

describe('readTrailingOrdinal', () => {
  it.each<[string, number | undefined]>([
    // Why, then a place said last.
    ['vậy chắc phải đăng ký lại, số 2 đó', 2],
    ['ba tui mất rồi, cái thứ hai', 2],
    // One clause is readOrdinal's; a last clause that is no pick is none.
    ['cái thứ 2', undefined],
    ['cái thứ hai, tui làm rớt ở chợ rồi', undefined],
  ])('"%s" → %s of three', (typed, place) => {
    expect(readTrailingOrdinal(typed, 3)).toBe(place);
  });
});

describe('readOrdinal', () => {
  it.each<[string, number]>([
    ['cái thứ 2', 2],
    ['cai thu 2 a', 2],
    ['số 1 con', 1],
    ['chọn cái thứ hai nha', 2],
    ['cái đầu tiên', 1],
    ['cái cuối', 3],
    ['lấy số 3', 3],
  ])('"%s" → %i of three', (typed, place) => {
    expect(readOrdinal(typed, 3)).toBe(place);
  });

  it.each<[string, number, number]>([
    // Where it stands in the list as shown: above and below fit a list of two, the middle one of three.
    ['cái dưới', 2, 2],
    ['cai duoi a', 2, 2],
    ['cái trên', 2, 1],
    ['cái sau', 2, 2],
    ['cái ở giữa', 3, 2],
    // An ordinal said beside one wins.
    ['cái thứ 2 ở trên', 3, 2],
    ['cái dưới cùng', 3, 3],
    ['cai tren cung', 3, 1],
  ])('"%s" → %i of %i', (typed, size, place) => {
    expect(readOrdinal(typed, size)).toBe(place);
  });

  it.each<[string, number]>([
    // Above or below in a list of three names no single one.
    ['cái dưới', 3],
    ['cái trên', 3],
    ['cái ở giữa', 2],
  ])('"%s" is no pick in a list of %i', (typed, size) => {
    expect(readOrdinal(typed, size)).toBeUndefined();
  });

  it.each([
    // No pointer word: a bare "ba" is the father, "2" alone is handled as a typed number elsewhere.
    'ba',
    'hai',
    // Past the list's end.
    'cái thứ 4',
    // A question that happens to hold a number.
    'số 1 lý lịch tư pháp làm ở đâu',
    'cái thứ 2 với cái thứ 3',
  ])('"%s" is not a pick', (typed) => {
    expect(readOrdinal(typed, 3)).toBeUndefined();
  });
});

describe('rejectedIn', () => {
  it.each<[string, string | undefined]>([
    ['Không phải giấy độc thân, ý tôi là đăng ký kết hôn', 'giấy độc thân'],
    ['À không phải mất, tôi nói nhầm.', 'mất'],
    // "… mà là …": what comes before "mà" was wrong.
    ['ko phai lam moi ma la lam lai do mat', 'lam moi'],
    ['không phải sổ hộ khẩu mà là sổ hồng', 'sổ hộ khẩu'],
    // No comma after it: a question of its own, nothing rejected.
    ['không phải đóng phí đúng không', undefined],
  ])('"%s" says "%s" was wrong', (typed, wrong) => {
    expect(rejectedIn(typed)).toBe(wrong);
  });
});

describe('readCorrection', () => {
  it.each<[string, string]>([
    ['không phải mất, ý tôi là thẻ còn nhưng gãy đôi', 'thẻ còn nhưng gãy đôi'],
    // An interjection before "không phải"; "nói nhầm" rejects as "không phải" does.
    ['À không phải mất, tôi nói nhầm. Thẻ bị gãy, ý tôi là làm thẻ mới', 'tôi nói nhầm. Thẻ bị gãy, làm thẻ mới'],
    ['tôi nói nhầm, ý tôi là gia hạn tạm trú', 'gia hạn tạm trú'],
    // "Nhầm rồi," opens a correction as "không," does.
    ['nhầm rồi, giấy kết hôn bị cháy mất', 'giấy kết hôn bị cháy mất'],
    // "r" is how "rồi" is typed in chat.
    ['nhầm r, ngân hàng đòi bản sao giấy chứng tử', 'ngân hàng đòi bản sao giấy chứng tử'],
    // Who misspoke, and an apology or an interjection before it.
    ['Sorry ad, mình nhầm, là cho đứa nhỏ cơ, bé 5 tuổi', 'là cho đứa nhỏ cơ, bé 5 tuổi'],
    ['ui nham, be 7 tuoi roi, nam nay vo lop 2', 'be 7 tuoi roi, nam nay vo lop 2'],
    // What the citizen says before "ý em là" is part of what they meant.
    ['khum phai, bang e bi mat, y e la xin cap lai', 'bang e bi mat, xin cap lai'],
    ['không phải giấy độc thân ý tôi là đăng ký kết hôn', 'đăng ký kết hôn'],
    ['Không phải giấy độc thân, ý tôi là đăng ký kết hôn', 'đăng ký kết hôn'],
    ['ko phải, đổi thẻ vì chuyển hộ khẩu', 'đổi thẻ vì chuyển hộ khẩu'],
    // A bare "không" before a comma, and "tôi nói chưa đúng", reject the answer as "không phải" does.
    ['dạ không, thẻ mẹ em có rồi nhưng in sai năm sinh', 'thẻ mẹ em có rồi nhưng in sai năm sinh'],
    ['Xin lỗi tôi nói chưa đúng, sổ bị thất lạc lúc chuyển nhà', 'sổ bị thất lạc lúc chuyển nhà'],
    // "Không phải X mà (là) Y", without a comma: Y is what was meant.
    ['ko phai lam moi ma la lam lai do mat, cai cccd cua e roi mat tieu roi', 'lam lai do mat, cai cccd cua e roi mat tieu roi'],
    ['không phải sổ hộ khẩu mà sổ hồng nhà đất', 'sổ hồng nhà đất'],
  ])('"%s" meant "%s"', (typed, meant) => {
    expect(readCorrection(typed)).toBe(meant);
  });

  it.each(['không phải đóng phí đúng không', 'không phải lo mà', 'phải làm lại không', 'đăng ký kết hôn', 'không phải', 'không biết làm ở đâu', 'không có giấy khai sinh thì sao'])('"%s" is not a correction', (typed) => {
    expect(readCorrection(typed)).toBeUndefined();
  });
});

describe('pointsBack', () => {
  it.each(['cái cấp lại do mất thẻ á', 'còn cái cho bé dưới 6 tuổi', 'loai lam lai do bi mat', 'Chỉ sửa lại mái thôi'])('"%s" points back at a variant', (typed) => {
    expect(pointsBack(typed)).toBe(true);
  });

  it.each(['cấp lại thẻ bảo hiểm y tế', 'mất bao lâu', 'con tôi 5 tuổi làm cái gì', 'chi oi cho em hoi'])('"%s" does not', (typed) => {
    expect(pointsBack(typed)).toBe(false);
  });
});
