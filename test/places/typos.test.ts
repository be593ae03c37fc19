// Mistyped place names against the shipped units file: a stray mark in a message typed
// bare, a one-word name that is only the start of a mistyped longer one, a slip backed
// by a place named beside it in the same province; VNI and Telex keystrokes, marks left
// out or misplaced, names that start with an everyday word; and names typed right that
// the address rules out.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { placeWords } from '../../src/places/names.ts';
import { resolve } from '../../src/places/resolve.ts';
import { mainCode as mainCodeOf } from './main-code.ts';

let places: Places;

beforeAll(async () => {
  places = (await loadPlaces('knowledge'))!;
});

const mainCode = (text: string) => mainCodeOf(places, text);

describe('resolving a mistyped place', () => {
  it.each([
    // One marked word does not make a bare message accented: "phuong" and "quan" stay types.
    ['phuong cau ong lãnh quan 1 cu', '26758'],
    ['phuong bén nghe quan 1 cu gio thuoc dau', '26740'],
    // "Đông" is a name of its own, but the word after it goes on with the name.
    ['xã Đông Thạnhh huyện Hóc Môn cũ', '27568'],
    ['xã Đông Thnạh huyện Hóc Môn cũ', '27568'],
    // VNI keystrokes; Telex tone keys typed before the final consonant.
    ['x. thanh so7n h. Tân Phú cũ giờ là xã gì', '26158'],
    ['xa d9a5i d9o62ng thanh chuong nghe an cu', '17713'],
    ['Xã ddoofng ruoojng huyện Đà Bắc cũ giờ thuộc xã nào', '04873'],
    // Read as Telex "tor" is "tỏ" (Ia Tô, elsewhere); as written it is Ia Tôr.
    ['xa ia tor gia lai nop ho so o dau', '23908'],
    // A type word with a mark left out; a name with another mark after a word that is a name of its own.
    ['Phuờng Bến Nghé cũ giờ thuộc phường nào', '26740'],
    ['Xã Đông Phửơng huyện Kiến Thụy cũ giờ thuộc xã nào', '11725'],
    // Names that start with, or run through, a word that often ends a name ("thanh", "hội").
    ['Xã Thanh Sơơn huyện Kiến Thụy cũ giờ thuộc xã nào', '11680'],
    ['xa thanh xuna huyen soc son cu h thuoc xa nao', '00433'],
    ['xa da phhuoc hoi huyen mo cay nam cu h thuoc xa nao', '28903'],
  ])('%s → %s', (text, code) => {
    expect(mainCode(text)).toBe(code);
  });

  it('backs a slip with a commune named beside it in the same province', () => {
    // No district Phong Thổ is listed: the name beside the slip is the commune, in Lai Châu.
    expect(mainCode('xa nam xee phong tho cu gio thuoc xa nao')).toBe('03394');
  });

  it('reads a name typed right otherwise when the address rules out every place it names', () => {
    // No Tâm Thành in Kim Sơn: Tân Thành, a letter off. Đại Đồng Thành is in Bắc Ninh: Đại Đồng, of huyện Thanh Chương.
    expect(mainCode('Xã Tâm Thành huyện Kim Sơn cũ giờ thuộc xã nào')).toBe('14674');
    expect(mainCode('xa dai dong thanh chuong nghe an cu gio nop ho so o dau')).toBe('17713');
    // The only xã Thanh is in Quảng Trị: not found, with it as the closest, rather than a confident wrong answer.
    const r = resolve(places.reader.read('xã Thanh huyện Kiến Thụy cũ giờ thuộc xã nào'), places.gazetteer);
    expect(r?.kind).toBe('unknown');
    expect(r?.kind === 'unknown' && r.closest.map((p) => p.communes[0]?.code)).toEqual(['19489']);
  });

  it('does not guess at a name from a place of its province alone, nor in everyday words', () => {
    // "lung" is a letter off Láng, in Hà Nội as huyện Mỹ Đức is, but not in it.
    expect(mainCode('xa lung phoi huyen my duc cu h thuoc xa nao')).toBe('unknown');
    expect(mainCode('Ủy ban xã có tổ chức lớp học bơi miễn phí cho trẻ em mùa hè không, đăng ký ở đâu?')).toBe('none');
    // "phương" lacks the tone of "phường": another word.
    expect(mainCode('ở địa phương Bến Nghé có làm căn cước không')).toBe('none');
  });

  it('backs a name with a mistyped district beside it, a letter off and no other district as near', () => {
    // Minh Tân is in several provinces; "kien thuyy" is huyện Kiến Thụy, "Nho Qan" huyện Nho Quan.
    expect(mainCode('xa minh tan huyen kien thuyy cu h thuoc xa nao')).toBe('11725');
    expect(mainCode('Xã Văn Phú huyện Nho Qan cũ giờ thuộc xã nào')).toBe('14434');
    // "ken thuy" is a letter dropped from Kiến Thụy; Yên Thủy is two slips off (k is no key beside y).
    expect(mainCode('xa minh tan huyen ken thuy cu h thuoc xa nao')).toBe('11725');
    // No district Thanh Khê is listed, but a ward of that name is: not taken for a slip of another district.
    expect(mainCode('phường Chính Gián quận Thanh Khê cũ giờ thuộc phường nào')).toBe('20209');
  });

  it('takes, of names a letter off alike, the one with the marks typed, in a message typed with marks', () => {
    // "Thàn": Khánh Thành (two provinces), not Khánh Thuận; "Ta": Tam Tiến, not Tân Tiến; "Sin": Gia Sinh, not Gia Sơn.
    const thanh = resolve(places.reader.read('xã Khánh Thàn cũ giờ thuộc đâu vậy'), places.gazetteer);
    expect(thanh?.kind === 'ambiguous' && thanh.options.map((o) => o.communes[0]?.code).sort()).toEqual(['14608', '22648']);
    const tam = resolve(places.reader.read('xã Ta Tiến cũ giờ thuộc xã nào ạ'), places.gazetteer);
    expect(tam?.kind === 'ambiguous' && tam.options.map((o) => o.communes[0]?.code).sort()).toEqual(['07264', '20971']);
    expect(mainCode('Xã Gia Sin, huyện Gia Viễn cũ giờ thuộc đâu')).toBe('14533');
    // Typed bare, the marks tell nothing: still not guessed.
    expect(mainCode('xa khanh than cu gio thuoc dau')).toBe('unknown');
  });

  it('runs a name on through a word that ends names only as an everyday word with other marks', () => {
    // "vây", "hổ" are not "vậy", "hồ": the names go on ("Pa Vây Sử", "Tăng Bạt Hổ" typed "Hỗ").
    expect(mainCode('xã Pa Vây Xử huyện Phong Thổ cũ giờ là xã gì')).toBe('03562');
    expect(mainCode('Tăng Bạt Hỗ cũ giờ là xã nào')).toBe('21688');
  });

  it('reads names\' words made up into another as a plain slip of one name only when typed with its marks and asked about alone', () => {
    // "Xặt": Sặt said alike; "Điềm": the key beside; no other name is as near, and the marks are the name's.
    expect(mainCode('Kẻ Xặt cũ giờ thuộc xã nào')).toBe('10945');
    expect(mainCode('Diêm Điềm cũ giờ là xã gì')).toBe('12826');
    // Typed bare, the same words are no place.
    expect(mainCode('ke xat cu gio thuoc xa nao')).not.toBe('10945');
  });

  it('ends a name before "nhập", "gộp", and reads "c" for the "k" of a name ("Đắc Nông")', () => {
    expect(mainCode('tỉnh Đắk Nông nhập vào tỉnh nào rồi')).toBe('68');
    expect(mainCode('tỉnh Đắc Nông nhập vào tỉnh nào rồi')).toBe('68');
  });

  it('reads a two-word type with one word typed bare, and a province right after a slip as its address', () => {
    expect(mainCode('thi trấn Mường Khươnh Lào Cai cũ')).toBe('02761');
    expect(mainCode('Mường Khương Lào Cai giờ thành xã gì')).toBe('02761');
  });

  it('takes a name not known for the closest one whose old district the address names, and only then', () => {
    // Two slips off Phước Vĩnh; huyện Phú Giáo's seat is today's Xã Phú Giáo.
    expect(mainCode('thị trấn Phước Vĩnk huyện Phú Giáo cũ giờ là xã gì')).toBe('25858');
    expect(mainCode('thị trấn Phước Vĩnk, Bình Dương cũ giờ là xã gì')).toBe('unknown');
  });

  it('does not read shorthand or other words with digits as VNI', () => {
    expect(placeWords('p3 q10 tt2 covid19 a1').map((w) => w.canon)).toEqual(['phuong', '3', 'quan', '10', 'thi', 'tran', '2', 'covid19', 'a1']);
  });

  it('reads a mistyped last word that is also a type or a joining word as the name\'s own when the address goes on after it', () => {
    // "Thôn" is a hamlet, "va" is "và": here the last words of Lương Thông and Đông Ba.
    expect(mainCode('xã Lương Thôn, huyện Hà Quảng, Cao Bằng giờ là xã gì?')).toBe('01366');
    expect(mainCode('phường Đông Va thành phố Huế nay thuộc phường gì')).toBe('19753');
    // Followed by more of the sentence, "nhà" is the citizen's home, not more of a name (Trường Thịnh):
    // the wards of that name in three provinces are asked about.
    expect(mainCode('phường Trường Thi nhà tôi bị nhập với mấy chỗ khác')).toBe('ambiguous');
  });

  it('still takes a known short name followed by a word that ends it', () => {
    expect(mainCode('xã Đông Anh cũ giờ ở đâu')).toBe(mainCode('xã Đông Anh'));
    expect(mainCode('xã Kim Cương cũ giờ ở đâu')).toBe('unknown');
  });
});
