// Mistyped place names against the shipped units file: a stray mark in a message typed
// bare, a one-word name that is only the start of a mistyped longer one, and a slip
// backed by a place named beside it in the same province.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlaces, type Places } from '../../src/places/places.ts';
import { resolve } from '../../src/places/resolve.ts';

let places: Places;

beforeAll(async () => {
  places = (await loadPlaces('knowledge'))!;
});

/** The main new commune a message resolves to, or the kind when not resolved. */
function mainCode(text: string): string {
  const r = resolve(places.reader.read(text), places.gazetteer);
  if (r?.kind !== 'resolved') return r?.kind ?? 'none';
  return r.place.communes[0]?.code ?? r.place.province.code;
}

describe('resolving a mistyped place', () => {
  it.each([
    // One marked word does not make a bare message accented: "phuong" and "quan" stay types.
    ['phuong cau ong lãnh quan 1 cu', '26758'],
    ['phuong bén nghe quan 1 cu gio thuoc dau', '26740'],
    // "Đông" is a name of its own, but the word after it goes on with the name.
    ['xã Đông Thạnhh huyện Hóc Môn cũ', '27568'],
    ['xã Đông Thnạh huyện Hóc Môn cũ', '27568'],
  ])('%s → %s', (text, code) => {
    expect(mainCode(text)).toBe(code);
  });

  it('backs a slip with a commune named beside it in the same province', () => {
    // No district Phong Thổ is listed: the name beside the slip is the commune, in Lai Châu.
    expect(mainCode('xa nam xee phong tho cu gio thuoc xa nao')).toBe('03394');
  });

  it('still takes a known short name followed by a word that ends it', () => {
    expect(mainCode('xã Đông Anh cũ giờ ở đâu')).toBe(mainCode('xã Đông Anh'));
    expect(mainCode('xã Kim Cương cũ giờ ở đâu')).toBe('unknown');
  });
});
