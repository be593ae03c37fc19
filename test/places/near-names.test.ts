// Closest names: edit distance counted in slips (swapped neighbours, the key beside, letters
// said alike, a regional word start, a letter doubled), bounded, and the search that skips
// names that cannot be near.
import { describe, expect, it } from 'vitest';
import { boundedDistance, NearNames } from '../../src/places/near-names.ts';

describe('boundedDistance', () => {
  it.each([
    ['thanh', 'thanh', 2, 0],
    ['thnah', 'thanh', 2, 1],
    ['than', 'thanh', 2, 1],
    ['thanhh', 'thanh', 2, 1],
    ['ben nge', 'ben nghe', 2, 1],
    // A key beside the right one, or a letter said alike, is one slip; another letter is two.
    ['nghe ab', 'nghe an', 2, 1],
    ['huu nien', 'huu lien', 2, 1],
    ['kim cuong', 'kim duong', 2, 2],
    ['quan lang', 'quan lan', 2, 1],
    ['dak ron', 'da ron', 2, 2],
    ['hoa mai xanh', 'hoa minh', 3, 4],
    ['abc', 'xyz', 1, 2],
  ])('%s ~ %s within %i: %i', (a, b, max, distance) => {
    expect(boundedDistance(a, b, max)).toBe(distance);
  });
});

describe('NearNames', () => {
  const near = new NearNames(['ben nghe', 'ben thanh', 'tan thanh', 'tan thanh a', 'hoa minh', 'minh tri']);

  it('finds names within the distance, spaces aside, closest and with as many words first', () => {
    expect(near.within('tanthanh', 1).map((n) => n.key)).toEqual(['tan thanh', 'tan thanh a']);
    // A letter typed in more is a slip when it doubles one or is a key beside one, not otherwise.
    expect(near.within('tan thanhh', 1).map((n) => n.key)).toEqual(['tan thanh']);
    expect(near.within('tan thanhx', 1)).toEqual([]);
    expect(near.within('bennghe', 1)).toEqual([{ key: 'ben nghe', distance: 0, wordGap: 1 }]);
  });

  it('reads "ch" for "tr" at a word\'s start as one slip', () => {
    expect(near.within('minh chi', 1)).toEqual([{ key: 'minh tri', distance: 1, wordGap: 0 }]);
  });

  it('takes a name that differs at both its first and last letter for another name', () => {
    expect(near.within('xan thanx', 2)).toEqual([]);
  });
});
