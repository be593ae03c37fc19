// Scoring: @none and @offtopic are right when no procedure is given (the fallback, or a
// friendly reply to chit-chat), and both count in the off-topic precision and recall.
import { describe, expect, it } from 'vitest';
import type { EvalQuestion } from '../../src/eval/eval-set.ts';
import { evaluate, type SystemAnswer } from '../../src/eval/metrics.ts';

const question = (line: number, kind: EvalQuestion['kind'], accept: string[] = []): EvalQuestion => ({ line, q: `q${line}`, style: 'accented', kind, accept });

describe('evaluate', () => {
  it('counts the fallback and the friendly reply as right for what the knowledge does not answer', () => {
    const questions = [question(1, 'none'), question(2, 'none'), question(3, 'none'), question(4, 'entry', ['a']), question(5, 'entry', ['b'])];
    const answers: Record<string, SystemAnswer> = {
      q1: { outcome: 'fallback', results: [] },
      q2: { outcome: 'smalltalk', results: [] },
      q3: { outcome: 'clarify', results: [{ id: 'a', code: '' }] },
      q4: { outcome: 'answer', results: [{ id: 'a', code: '' }] },
      q5: { outcome: 'fallback', results: [] },
    };
    const scores = evaluate((q) => answers[q]!, questions);
    // Predicted "no procedure": q1, q2, q5; of those, q1 and q2 are right. Actual: q1–q3.
    expect(scores.none_precision).toBeCloseTo(2 / 3, 4);
    expect(scores.none_recall).toBeCloseTo(2 / 3, 4);
    expect(scores.misses.map((m) => m.line)).toEqual([3, 5]);
  });

  it('counts direct answers (right ones only) and lists among the in-scope questions', () => {
    const questions = [question(1, 'entry', ['a']), question(2, 'entry', ['a']), question(3, 'entry', ['a']), question(4, 'entry', ['a']), question(5, 'none')];
    const answers: Record<string, SystemAnswer> = {
      q1: { outcome: 'answer', results: [{ id: 'a', code: '' }] },
      q2: { outcome: 'answer', results: [{ id: 'b', code: '' }, { id: 'a', code: '' }] },
      q3: { outcome: 'clarify', results: [{ id: 'a', code: '' }, { id: 'b', code: '' }] },
      q4: { outcome: 'fallback', results: [] },
      q5: { outcome: 'clarify', results: [{ id: 'a', code: '' }] },
    };
    const scores = evaluate((q) => answers[q]!, questions);
    expect(scores).toMatchObject({ direct_answer_rate: 0.25, list_rate: 0.25, wrong_answer_rate: 0.25, top1: 0.5 });
  });
});
