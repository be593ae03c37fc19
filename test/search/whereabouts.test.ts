// Where someone is, said after "ở", "tại", "bên"…: a province (today's or an old one), a country or an everyday name.
import { describe, expect, it } from 'vitest';
import { lexiconSchema } from '../../src/knowledge/lexicon.ts';
import { Whereabouts } from '../../src/search/whereabouts.ts';
import { words } from '../../src/kernel/vietnamese.ts';

const lexicon = lexiconSchema.parse({
  whereabouts: { before: ['ở', 'bên', 'về'], names: ['sài gòn'] },
  foreign_relatives: { countries: ['đài loan', 'mỹ'] },
});
const provinces = new Set(['huế', 'hue', 'bình dương', 'binh duong']);
const whereabouts = new Whereabouts(lexicon, (text) => provinces.has(text));
const found = (text: string) => [...whereabouts.words([words(text)])];

describe('Whereabouts', () => {
  it.each([
    ['tôi ở Huế thì nộp ở mô', ['hue']],
    ['em gai o binh duong', ['binh', 'duong']],
    ['con tôi bên Mỹ gửi về', ['my']],
    ['tôi ở Đài Loan làm giùm má', ['dai', 'loan']],
    ['về sài gòn ăn tết', ['sai', 'gon']],
  ])('"%s" says where: %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('leaves countries out when asked for provinces only: a birth abroad is another procedure', () => {
    expect([...whereabouts.words([words('bé sinh ở Mỹ, giờ về Bình Dương ở')], false)]).toEqual(['binh', 'duong']);
  });

  it.each([
    // A place's name without a word before it is not where someone is.
    'Huế có làm căn cước nhanh không',
    // After such a word, words that name no place.
    'nộp ở phường được không',
    'gửi về nhà qua bưu điện',
  ])('"%s" says no whereabouts', (text) => {
    expect(found(text)).toEqual([]);
  });
});
