// Slips of typing against the shipped units file (issue 13, writer "q"): spaces left out
// or put in a name, a wrong tone, a letter typed twice, teencode around the name ("h" for
// giờ, "j" for gì), a mistyped place beside the one asked about, a name that runs into
// the words after it, and names of other countries. And what none of this may take for a
// place: everyday words, a value asked "giờ là", a guess beside a place in a procedure question.
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
  ])('%s → %s', (text, code) => {
    expect(mainCode(text)).toBe(code);
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
  });

  it('leaves a guess beside a place in the procedure question', () => {
    const reading = places.reader.read('phường Bến Nghé, TP.HCM. Cấp lại căn cước ở đâu');
    expect(reading.mentions.every((m) => !m.beside)).toBe(true);
    expect(remainder(reading)).toContain('cấp lại');
  });
});
