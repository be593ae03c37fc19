// The scoring rules of place questions, on a system that answers as told.
import { describe, expect, it } from 'vitest';
import type { SystemAnswer } from '../../src/eval/metrics.ts';
import { evaluatePlaces, isPlaceLine, type PlaceQuestion } from '../../src/eval/place-eval.ts';

const question = (kind: PlaceQuestion['kind'], accept: string[], q = `${kind} ${accept.join(' ')}`): PlaceQuestion => ({ line: 1, q, kind, accept, style: 's' });
const answers = (q: string, table: Record<string, SystemAnswer>) => table[q]!;
const codes = (...cs: string[]) => cs.map((code) => ({ id: `place:c${code}`, code }));

describe('evaluatePlaces', () => {
  it('counts a place right when its first code is acceptable, a shared name when every listed code is, an unknown one when it falls back', () => {
    const table: Record<string, SystemAnswer> = {
      a: { outcome: 'place', results: codes('2', '1') },
      b: { outcome: 'place', results: codes('9') },
      c: { outcome: 'clarify', results: codes('1', '2') },
      d: { outcome: 'clarify', results: codes('1', '7') },
      e: { outcome: 'fallback', results: [] },
      f: { outcome: 'place', results: codes('1') },
    };
    const scores = evaluatePlaces((q) => answers(q, table), [
      question('place', ['1', '2'], 'a'),
      question('place', ['1'], 'b'),
      question('ambiguous', ['1', '2', '3'], 'c'),
      question('ambiguous', ['1', '2'], 'd'),
      question('unknown', [], 'e'),
      question('unknown', [], 'f'),
    ]);
    expect(scores.by_kind).toEqual({ ambiguous: { total: 2, top1: 0.5 }, place: { total: 2, top1: 0.5 }, unknown: { total: 2, top1: 0.5 } });
    expect(scores.misses.map((m) => m.q)).toEqual(['b', 'd', 'f']);
  });

  it('knows a place file by its kinds', () => {
    expect(isPlaceLine('{"q": "p3 q5", "expect": "27154", "kind": "place"}')).toBe(true);
    expect(isPlaceLine('{"q": "làm gks", "expect": "dang-ky-khai-sinh", "style": "teencode"}')).toBe(false);
  });
});
