// Golden cases of reading a message's places and resolving them against the shipped
// units file: shorthand, no diacritics, Telex, typos, partial merges, context that
// narrows, names shared by several places, names not known.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { resolve, type Resolution } from '../../src/places/resolve.ts';
import { placeLabel } from '../../src/places/display.ts';

let places: Places;

beforeAll(async () => {
  places = (await loadPlaces('knowledge'))!;
});

function resolved(text: string): Resolution | undefined {
  return resolve(places.reader.read(text), places.gazetteer);
}

/** The new communes (or the province) a message resolves to, main first; or the kind when not resolved. */
function codes(text: string): string[] | string {
  const r = resolved(text);
  if (r?.kind !== 'resolved') return r?.kind ?? 'none';
  return r.place.communes.length ? r.place.communes.map((c) => c.code) : [r.place.province.code];
}

describe('resolving a place', () => {
  it.each([
    ['Tôi ở phường Bến Nghé cũ, giờ nộp hồ sơ ở đâu?', '26740'],
    ['phuong ben nghe cu gio thuoc phuong nao', '26740'],
    ['Bến Nghé cũ giờ là phường gì', '26740'],
    ['phuwowngf Beens Nghes cux', '26740'],
    ['tt Chúc Sơn cũ giờ là gì', '10015'],
    ['P.3 Q.Gò Vấp cũ', '26890'],
    ['p3 q3 cu', '27154'],
    ['phường III Vị Thanh cũ', '31321'],
    ['thị trấn nông trường Việt Trung cũ', '19198'],
    // A name of another language typed without its marks, not read as Telex keys (Ia Dêr).
    ['xa ia der cu gio thuoc xa nao', '23767'],
    // "tp Gò Công" is the old city, though "Gò Công Đông" is also a district.
    ['phuong 1 thanh pho go cong dong thap cu gio thuoc dau', '28306'],
    // The name stops where the province's name starts.
    ['Xã Tân Hòa Tây Ninh nộp hồ sơ ở đâu', '25531'],
    // "xã hội" is no unit, but Hội An is a name.
    ['Phường Hội An Đà Nẵng nộp hồ sơ ở đâu', '20410'],
    // Said with no word of change, a name is today's commune; with its province, a one-word name counts.
    ['Xã Hòa Phú Hà Nội nộp hồ sơ ở đâu', '10096'],
    ['Phường Láng Hà Nội nộp hồ sơ ở đâu', '00199'],
    // A province's name inside the name, with no shorter name before it: the name stands.
    ['Xã Hòn Nghệ An Giang nộp hồ sơ ở đâu', '30814'],
    // Two letters swapped, backed by the province; a plain slip of a long name no other name comes near.
    ['xa trinh puh ke sach soc trang cu', '31531'],
    ['xa khuyen nog cu', '15766'],
    // A farm town by its shorthand "NT"; its full name though Bình Định (Thái Bình Đình Lập) runs past it.
    ['thị trấn NT Trần Phú cũ giờ thuộc xã nào', '04705'],
    ['tt nong truong thai binh dinh lap gio la xa gi', '06616'],
    // Said bare, with "thì bây giờ về" between the name and the question.
    ['xã Húc Động cũ thì bây giờ về xã nào', '06838'],
    ['Húc Động thì bây giờ về xã nào', '06838'],
    // An old commune said bare with its district (or the new commune named after it): the two back each other.
    ['ẳng nưa (mường ảng) năm ngoái, nay làm căn cước ở xã nào', '03256'],
    ['Pá Ma Pha Khinh (Quỳnh Nhai) hồi 2024, nay đăng ký khai sinh ở xã nào', '03694'],
    // "mới" after the commune: today's commune of that name, not the one the old commune went into.
    ['xã Nguyễn Việt Khái mới sau sáp nhập thì trụ sở ở đâu', '32227'],
    // The district a unit's list gives it by inference rules no place out: the list has "Xã Phú Cường
    // (huyện Tam Nông), Xã Gáo Giồng", but Gáo Giồng was in huyện Cao Lãnh (2025 merged across districts).
    ['Xã Gáo Giồng huyện Cao Lãnh bây giờ thuộc xã nào?', '30025'],
    // "lăm" is five only after "mươi": "Lam Hạ" is a name, not "phường 5".
    ['phuong Lam Ha o Phu Ly cu gio la phuong nao', '13366'],
    // A word's end as the south says it ("Đạc" for Đạt), backed by the district and province typed after it.
    ['Thị trấn Quy Đạc, Minh Hóa, Quảng Bình cũ nay thuộc xã nào?', '18901'],
    // A number said in words before "thị xã" (speech to text).
    ['phường hai thị xã ngã năm sóc trăng cũ giờ thuộc phường nào vậy', '31732'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)[0]).toBe(code);
  });

  it('gives a partly merged unit with every commune it went into, the one named after it first', () => {
    expect(codes('phường Cửa Nam cũ Hà Nội')).toEqual(['00082', '00070', '00226', '00004']);
  });

  it('answers a province with its code, old names and bare names too', () => {
    expect(codes('tỉnh Bình Dương cũ giờ thuộc đâu')).toEqual(['79']);
    expect(codes('binh duong cu sap nhap vao dau')).toEqual(['79']);
    expect(codes('t. Đắk Nông cũ')).toEqual(['68']);
  });

  it('reads a slip alone when one name is a slip off, with the address when more are, and asks otherwise', () => {
    expect(codes('phường Bến Ngé cũ TP HCM')).toEqual(['26740']);
    expect(resolved('phường Bến Ngé cũ')).toMatchObject({ kind: 'resolved', corrected: true });
    expect(codes('phuong binh nhm cu')).toEqual(['25966']);
    // One slip off "tam tien" and "tan tien" alike: not guessed.
    expect(codes('xa ta tien cu')).toBe('unknown');
    // Two slips off: not guessed either, but offered.
    const far = resolved('phường Bến Ngoe cũ');
    expect(far?.kind).toBe('unknown');
    expect(far?.kind === 'unknown' && far.closest.map((p) => p.communes[0]?.code)).toContain('26740');
  });

  it('narrows a numbered ward by its old city, the city\'s name mistyped', () => {
    expect(codes('Phường 11 thành phố Đà Lạtt cũ giờ là phường gì?')).toEqual(codes('Phường 11 thành phố Đà Lạt cũ giờ là phường gì?'));
    expect(codes('Phường 11 thành phố Đà Lạtt cũ giờ là phường gì?')).toHaveLength(1);
  });

  it('narrows a name many places share by the district or province said with it', () => {
    expect(codes('phường 3 quận Gò Vấp giờ là phường gì')).toEqual(['26890']);
    expect(resolved('phường 3 cũ TP HCM')).toMatchObject({ kind: 'ambiguous', ask: 'district' });
    const shared = resolved('xã Tân Thành cũ giờ thuộc đâu');
    expect(shared).toMatchObject({ kind: 'ambiguous', ask: 'province' });
    expect(shared?.kind === 'ambiguous' && new Set(shared.options.map((o) => o.province.code)).size).toBeGreaterThan(10);
    // "liên quan" spells Liên Quan (Hà Nội), but a sentence ends before the place: no address narrows Ba Vì.
    expect(resolved('Giấy tờ có liên quan. Xã Ba Vì cũ giờ thuộc xã nào')).toMatchObject({ kind: 'ambiguous' });
  });

  it('says a name is not known, with the closest names of that kind', () => {
    const unknown = resolved('phường Hoa Mai Xanh cũ giờ ở đâu');
    expect(unknown).toMatchObject({ kind: 'unknown', typed: 'hoa mai xanh', type: 'phuong' });
    // The district said after it names no commune, though a new commune bears the district's name.
    expect(resolved('xã Pờ Lồ Chồ huyện Mường Tè cũ giờ là xã gì')).toMatchObject({ kind: 'unknown', typed: 'pờ lồ chồ' });
    // A place of another country before a cue typed with a wrong mark.
    expect(resolved('Battambang sáp nhâp vào tỉnh nào')).toMatchObject({ kind: 'unknown', typed: 'battambang' });
    // A place abroad the knowledge lists (places/abroad.yaml), typed as Vietnamese writes it.
    expect(resolved('Thành phố Luông Pha Băng giờ thuộc tỉnh nào của Việt Nam vạy?')).toMatchObject({ kind: 'unknown', typed: 'luông pha băng' });
    expect(resolved('e làm ở Đài Loan, h hộ khẩu ghi Đài Loan thì về x nào làm')).toMatchObject({ kind: 'unknown', typed: 'đài loan' });
    // "hồ sơ gồm những gì" asks no place: a story abroad around a procedure stays a procedure question.
    expect(places.reader.read('Vợ chồng tôi làm ăn ở Hàn Quốc 6 năm, về quê mở nhà nghỉ, hồ sơ gồm những gì?').unknown).toBeUndefined();
    // Where the citizen is, abroad, though the question is far from the name.
    expect(resolved('e dang o osaka, mun lam cccd thi thuoc p nao z ad')).toMatchObject({ kind: 'unknown', typed: 'osaka' });
    expect(resolved('tôi đang ở Phnom Penh, muốn làm lại căn cước thì nộp ở xã nào')).toMatchObject({ kind: 'unknown', typed: 'phnom penh' });
  });

  it('puts first, of the communes an old unit went into, the one the message names beside it', () => {
    // Phường VII of Vị Thanh and Phường 7 of Sóc Trăng, both now in Cần Thơ, read as one old ward 7.
    expect(codes('Phường VII thành phố Vị Thanh nay là phường gì?')[0]).toBe('31321');
    expect(codes('phường 7 thành phố Sóc Trăng cũ giờ là phường gì')[0]).toBe('31507');
  });

  it('asks which when an old name is also a new commune formed from units it begins ("Long Điền A", "Long Điền B")', () => {
    const old = resolved('xã Long Điền cũ giờ thuộc xã nào');
    expect(old?.kind === 'ambiguous' && old.options.flatMap((o) => o.communes.map((c) => c.code)).sort()).toEqual(['30631', '31985']);
    expect(resolved('xa hau thanh cu h la xa gi')).toMatchObject({ kind: 'ambiguous', ask: 'province' });
    // Said with no word of change, it is today's commune.
    expect(codes('xã Hậu Thạnh nộp hồ sơ ở đâu')).toEqual(['27841']);
  });

  it('asks which when the name is said twice with nothing else, or two old towns of one name are now in one province', () => {
    expect(codes('trên đó chỉ ghi xã Trung Hà mà không có huyện, tỉnh. Xã Trung Hà giờ thuộc xã nào?')).toBe('ambiguous');
    // Châu Thành of Bến Tre and of Trà Vinh, each in its huyện Châu Thành, are both in Vĩnh Long now.
    const towns = resolved('Thị trấn Châu Thành ở tỉnh Vĩnh Long mới giờ là xã gì?');
    expect(towns?.kind === 'ambiguous' && towns.options.map(placeLabel)).toEqual([
      'Thị trấn Châu Thành (huyện Châu Thành, tỉnh Trà Vinh) cũ, Tỉnh Vĩnh Long',
      'Thị trấn Châu Thành (huyện Châu Thành, tỉnh Bến Tre) cũ, Tỉnh Vĩnh Long',
    ]);
  });

  it('takes a name typed on past a known one of another type for a name not known, and offers the known one', () => {
    // Vĩnh Đồng was a xã, not a thị trấn, and no unit is named Vĩnh Đồng Sương.
    const ranOn = resolved('thi tran Vinh Dong Suong bay gio la xa gi vay');
    expect(ranOn).toMatchObject({ kind: 'unknown', typed: 'vinh dong suong' });
    expect(ranOn?.kind === 'unknown' && ranOn.closest.map((p) => p.communes[0]?.code)).toContain('04978');
    // A typed name not known, with a name said bare after it: that is its address, not the place asked about;
    // the old district Ngọc Hồi backs the closest name in it, Plei Kần.
    const typedFirst = resolved('thị trấn Plây Kần, Ngọc Hồi giờ là xã gì');
    expect(typedFirst?.kind === 'resolved' && typedFirst.place.communes[0]?.code).toBe('23377');
    // The file lists no hamlets: one asked about is a name not known, not a complaint or a procedure.
    expect(resolved('Hồi bé tôi hay về quê nội ở thôn Plei Ơi Tơ. Thôn Plei Ơi Tơ bây giờ thuộc xã nào?')?.kind).toBe('unknown');
    expect(places.reader.read('nhà hàng xóm tôi giờ thuộc xã nào').unknown).toBeUndefined();
    // Bản, ấp, buôn, phum, tổ dân phố are hamlets too; a hamlet named on past a commune's name is its own.
    expect(resolved('Bản Lướt Phiêng ở Sơn La giờ thuộc xã nào?')?.kind).toBe('unknown');
    expect(resolved('ấp cây dương lớn giờ thuộc xã nào vậy')?.kind).toBe('unknown');
    // So are blocks and estates, of up to three words.
    expect(resolved('khu cong nghiep vsip 2 thuoc phuong nao vay')?.kind).toBe('unknown');
    expect(resolved('tổ dân phố Kim Sa Lĩnh giờ thuộc phường nào?')?.kind).toBe('unknown');
    // A commune's name that starts with such a word is the commune; typed bare, "ban" is "bạn".
    expect(codes('Bản Lầu giờ thuộc đâu')).toEqual(['02788']);
    expect(places.reader.read('ban toi o xa nao').unknown).toBeUndefined();
    // Estates and blocks typed right with their marks ("khu" has none to type) are read in accented messages too.
    expect(resolved('Khu dân cư Nam Thăng Long giờ thuộc phường nào?')).toMatchObject({ kind: 'unknown', type: 'khu dan cu' });
    expect(resolved('Khu du lịch Đồi Mây Ngàn giờ thuộc xã nào ạ?')).toMatchObject({ kind: 'unknown', typed: 'đồi mây ngàn' });
    // A street typed with its marks is no unit; a commune's name read inside its name is a piece of it.
    expect(resolved('Đường Hoàng Quốc Việt giờ thuộc phường nào ạ?')).toMatchObject({ kind: 'unknown', type: 'duong' });
    expect(resolved('thôn Hoàng Quốc Việt giờ thuộc phường nào ạ?')?.kind).toBe('unknown');
    expect(resolved('Hay giao hàng trên đường Lê Văn Lương. Đường Lê Văn Lương giờ thuộc phường nào?')?.kind).toBe('unknown');
    // "quen đường Sài Gòn": a way, where a place's name follows; typed bare, "duong" is Dương of many names.
    expect(places.reader.read('Tôi chạy xe quen đường Sài Gòn, phường 11 quận Bình Thạnh giờ thuộc phường nào').unknown).toBeUndefined();
    expect(codes('xa duong thanh cu gio thuoc dau')).not.toBe('unknown');
    // An estate named after a commune is no commune: the one typed as a commune is asked about.
    expect(codes('Em làm ở khu công nghiệp Mỹ Phước. Trọ ở phường Mỹ Phước, thị xã Bến Cát, Bình Dương cũ. Giờ phường Mỹ Phước thuộc phường nào ạ?')).toEqual(
      codes('phường Mỹ Phước, thị xã Bến Cát, Bình Dương cũ giờ thuộc phường nào'),
    );
    // Typed on by a word that names nothing, whatever the type: a name no unit bears.
    expect(resolved('Thầy cho một danh sách có phường Tiên Phong Nguyệt. Phường này giờ thuộc đâu?')).toMatchObject({ kind: 'unknown', typed: 'tiên phong nguyệt' });
    // Or by two words that name nothing together: the name typed whole is not known, and the known one it starts with is offered first.
    const twoMore = resolved('xa Kim Ngan Thuy Trieu cu gio nhap vao dau');
    expect(twoMore).toMatchObject({ kind: 'unknown', typed: 'kim ngan thuy trieu' });
    expect(twoMore?.kind === 'unknown' && twoMore.closest[0]?.communes[0]?.code).toBe('19318');
    expect(resolved('ad oi x Dong Phong Ba Lau gio thuoc dau z')).toMatchObject({ kind: 'unknown', typed: 'dong phong ba lau' });
    // Of its own type, a name typed on is still the known one ("thị trấn Krông Klang Đakrông": the district after it).
    expect(codes('tt krong klang dakrong cu gio thuoc xa nao')).not.toBe('unknown');
  });

  it('reads the place a long story asks about past names said in passing', () => {
    // "bị", typed with its mark, starts no name: "tỉnh bị gộp hết rồi" names no province.
    expect(codes('Người ta nói tỉnh bị gộp hết rồi. Tỉnh Nghệ An có bị sáp nhập không, giờ thuộc tỉnh nào?')).toEqual(['40']);
    // Typed on past a name the message says again cleanly: that place said in passing, not a longer name.
    expect(codes('Giấy tờ ghi quê tỉnh Hà Nam. Điền đơn thì không thấy tỉnh Hà Nam trong danh sách nữa. Tỉnh Hà Nam cũ giờ thuộc tỉnh nào?')).toEqual(['37']);
  });

  it('reads a cue that runs into a bare name typed without marks, and asks whether a place is still there', () => {
    // Typed bare, "co bi" spells Cổ Bi; "bị nhập" is what is asked.
    expect(codes('phuong bai chay ha long co bi nhap khong')).toEqual(['06673']);
    expect(codes('phường an cựu thành phố huế giờ còn không')).toEqual(['19815']);
    // "đúng không" asks to confirm: "đặc khu đúng" is no special zone named Đúng.
    expect(codes('h Bạch Long Vĩ cũ giờ là đặc khu đúng ko ad')).toEqual(['11948']);
  });

  it('takes a district the file names only in another province as no conflict where its name is a commune of the place\'s own', () => {
    // Tam Nông of Phú Thọ gave its name to the new commune; the file lists the district Tam Nông only in Đồng Tháp.
    expect(codes('tt Hưng Hóa h Tam Nông giờ thuộc xã nào z ad')).toEqual(['08434']);
  });

  it('finds no place in everyday words that spell a name', () => {
    expect(places.reader.read('bảo hiểm xã hội một lần nộp ở đâu').mentions).toEqual([]);
    expect(places.reader.read('so do cua bac la mau cu').mentions).toEqual([]);
    expect(places.reader.read('Đăng ký tạm trú có cần hợp đồng thuê nhà không').mentions).toEqual([]);
    expect(resolved('Hàng xóm lấn ranh giới đất nhà tôi, muốn xã hòa giải thì nộp đơn ở đâu?')).toBeUndefined();
  });
});
