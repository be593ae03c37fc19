// The lexicon's generated tables: what staff write once (relatives, countries) stands for every pair.
import { describe, expect, it } from 'vitest';
import { allExpansions, lexiconSchema } from '../../src/knowledge/lexicon.ts';

describe('allExpansions', () => {
  const lexicon = lexiconSchema.parse({
    expansions: { ck: 'chồng', 'chồng lào': 'chồng lào nước lào' },
    foreign_relatives: { relatives: ['chồng', 'bạn trai'], between: ['người', 'là người'], alone: ['là người'], countries: ['đức', 'lào'], adds: 'nước ngoài' },
  });
  const all = allExpansions(lexicon);

  it('adds "nước ngoài" after a relative and a country, with or without "người" and "là người"', () => {
    expect(all['bạn trai người đức']).toBe('bạn trai người đức nước ngoài');
    expect(all['chồng đức']).toBe('chồng đức nước ngoài');
    expect(all['chồng là người đức']).toBe('chồng là người đức nước ngoài');
    expect(all['là người lào']).toBe('là người lào nước ngoài');
  });

  it('keeps what staff wrote, over a generated pair with the same key', () => {
    expect(all['ck']).toBe('chồng');
    expect(all['chồng lào']).toBe('chồng lào nước lào');
  });

  it('says nothing of a country alone: "người đức" names no relative', () => {
    expect(all['người đức']).toBeUndefined();
    expect(all['đức']).toBeUndefined();
  });
});
