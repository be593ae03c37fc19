// Slips of typing against the shipped units file (issue 13, writer "q"): spaces left out
// or put in a name, a wrong tone, a letter typed twice, one slip off one name, teencode
// around the name ("h" for giờ, "j" for gì), a mistyped place beside the one asked about,
// a name that runs into the words after it or on past a known one, and names of other
// countries. And what none of this may take for a place: everyday words, a value asked
// "giờ là", a guess beside a place in a procedure question.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { remainder } from '../../src/places/mentions.ts';
import { resolve } from '../../src/places/resolve.ts';
import { mainCode as mainCodeOf } from './main-code.ts';

let places: Places;

beforeAll(async () => {
  places = (await loadPlaces('knowledge'))!;
});

const mainCode = (text: string) => mainCodeOf(places, text);

describe('a city ward as citizens say it', () => {
  it.each([
    // Its number said in words, as speech-to-text writes it.
    ['phường sáu quận tám cũ bây giờ thuộc phường nào', '27424'],
    // A slip in a name with "Cư" inside, which folds like "cũ" but does not end the name.
    ['phường Nguyễn Cư Trinhh cũ giờ là phường nào', '26758'],
  ])('%s → %s', (text, code) => {
    expect(mainCode(text)).toBe(code);
  });
});

describe('reading a slip of typing', () => {
  it.each([
    // Spaces left out or put in; a wrong tone; teencode around a province.
    ['tỉnh HàGiang giờ thuộc tỉnh nào', '08'],
    ['tinh Quang Ng ai cu gio thuoc tinh nao', '51'],
    ['tỉnh Lạng Són giờ thuộc tỉnh nào', '20'],
    ['tỉnh Bắc Kạn h thuộc tỉnh j v mn', '19'],
    // "h" is giờ before a cue; "gọi là gì" holds La Gi, which is no place here.
    ['Bến Nghé h là phường nào', '26740'],
    ['phường Bến Nghé giờ gọi là gì', '26740'],
    // A letter typed twice; a mistyped province beside the commune backs it.
    ['xã Trựcc Thái giờ là xã nào', '14071'],
    ['xã Mỹ Sơn, Nghệ Ann giờ thuộc xã nào', '17707'],
    // The province's name said right, though the words after it might go on with a name.
    ['xã Nậm Ty, tỉnh Sơn La từ năm 1980, giờ thuộc xã nào', '04186'],
    // One slip off one name only: a regional "ch" for "tr", a final "n" for "ng".
    ['Nhà tôi ở xã Minh Chí, giờ ghi địa chỉ mới thế nào?', '00382'],
    ['phường Hoàn Liệt cũ giờ thuộc phường nào', '00337'],
    // A short name typed right, asked about after a comma; "hỏi" typed bare is no start of Hội Phú.
    ['Em ở xã Lìa, giờ làm giấy tờ thì ghi phường/xã nào ạ?', '19489'],
    ['cho e hoi phu loc, hue h ten j a', '20107'],
    // A plain slip typed with its type makes an address with the province after it; other marks on a name said bare before a cue.
    ['Em ở xã KimLư, Thái Nguyên, giờ làm giấy tờ thì ghi phường/xã nào ạ?', '02155'],
    ['Em ở xã Mã Bà, giờ làm giấy tờ thì ghi phường/xã nào ạ?', '01438'],
    ['Quỳnh Hãi nhập vô đâu r mn', '12472'],
    // Said bare before the province said with it, a slip the province backs ("Thi" ends other names, not this one).
    ['cho e hỏi Trưường Thi, Thanh Hóa h tên j ạ', '14797'],
    ['Đồngg Lâm, Quảng Ninh nhập vô đâu r mn', '07030'],
  ])('%s → %s', (text, code) => {
    expect(mainCode(text)).toBe(code);
  });

  it('says a name is not known when it runs on past a known one', () => {
    expect(resolve(places.reader.read('xã Thắng Thiệu nay là xã nào'), places.gazetteer)).toMatchObject({ kind: 'unknown', typed: 'thắng thiệu' });
    expect(mainCode('xã Thắng nay là xã nào')).toBe('07840');
  });

  it('says a name of another country is not known, without a type it was not given', () => {
    const r = resolve(places.reader.read('Melbourne giờ thuộc xã nào'), places.gazetteer);
    expect(r).toMatchObject({ kind: 'unknown', typed: 'melbourne' });
    expect(r?.kind === 'unknown' && r.type).toBeFalsy();
  });

  it('takes no everyday words for a place', () => {
    expect(places.reader.read('ad oi lai suat o Agribank gio la bn').unknown).toBeUndefined();
    expect(places.reader.read('làm căn cước ở công an xã nào cũng được không').mentions).toEqual([]);
    expect(places.reader.read('huyện không còn nữa, xã cũng đổi tên rồi').mentions).toEqual([]);
    expect(places.reader.read('về quê làm giờ thuộc xã nào').mentions).toEqual([]);
    // Words of names made up into another, before a province, are no slip of a name there.
    expect(mainCode('Trân khánh, Tây Ninh nhập vô đâu r mn')).toBe('80');
  });

  it('leaves a guess beside a place in the procedure question', () => {
    const reading = places.reader.read('phường Bến Nghé, TP.HCM. Cấp lại căn cước ở đâu');
    expect(reading.mentions.every((m) => !m.beside)).toBe(true);
    expect(remainder(reading)).toContain('cấp lại');
  });
});
