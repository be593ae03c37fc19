// The words a message says, matched against a name's words: accents tell words apart only
// when both sides carry them.
import { describe, expect, it } from 'vitest';
import { SaidWords } from '../../src/search/phrases.ts';

describe('SaidWords', () => {
  it('does not take a word typed with its marks for another word that folds alike', () => {
    const said = new SaidWords(['nghe', 'nói', 'bún', 'bò']);
    expect(said.has('nơi')).toBe(false);
    expect(said.has('bổ')).toBe(false);
    expect(said.has('nói')).toBe(true);
  });

  it('lets a word typed bare say every word it folds from', () => {
    const said = new SaidWords(['ho', 'kinh', 'doanh']);
    expect(said.has('hộ')).toBe(true);
    expect(said.has('họ')).toBe(true);
  });

  it('lets a name written bare be said by the word typed with its marks', () => {
    expect(new SaidWords(['căn', 'cước']).has('cuoc')).toBe(true);
  });
});
