// Scores a system on an evaluation set. A system is anything that, for a message,
// gives an outcome and ranked results; the engine and the plain-MiniSearch
// baseline are scored by the same code.
import type { EvalQuestion } from './eval-set.ts';

export interface SystemAnswer {
  outcome: string;
  results: { id: string; code: string }[];
}

export type System = (q: string) => SystemAnswer;

export interface Scores {
  total: number;
  in_scope: number;
  top1: number;
  recall3: number;
  mrr: number;
  wrong_answer_rate: number;
  /** In-scope questions answered directly with the right entry. */
  direct_answer_rate: number;
  /** In-scope questions answered with a "which one?" list. */
  list_rate: number;
  none_precision: number;
  none_recall: number;
  complaint_precision: number;
  complaint_recall: number;
}

export interface Miss {
  line: number;
  q: string;
  style: string;
  expect: string;
  outcome: string;
  got: string[];
}

export interface Evaluation extends Scores {
  by_style: Record<string, Scores>;
  latency_ms: { p50: number; p99: number };
  misses: Miss[];
}

interface Graded {
  question: EvalQuestion;
  answer: SystemAnswer;
  rank: number; // 1-based rank of the first acceptable result, 0 if none
}

const RANKED_OUTCOMES = new Set(['answer', 'clarify']);
/** Outcomes that give no procedure: right for @none and @offtopic (a greeting gets smalltalk, a scam a warning). */
const NOT_ANSWERED = new Set(['fallback', 'smalltalk', 'scam']);

export function evaluate(system: System, questions: readonly EvalQuestion[]): Evaluation {
  const graded: Graded[] = [];
  const times: number[] = [];
  for (const question of questions) {
    const start = process.hrtime.bigint();
    const answer = system(question.q);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const rank = rankOf(question, answer.results);
    graded.push({ question, answer, rank });
  }
  const styles = [...new Set(questions.map((q) => q.style))].sort();
  return {
    ...score(graded),
    by_style: Object.fromEntries(styles.map((s) => [s, score(graded.filter((g) => g.question.style === s))])),
    latency_ms: { p50: percentile(times, 0.5), p99: percentile(times, 0.99) },
    misses: graded.filter((g) => !isHit(g)).map(toMiss),
  };
}

/** Where the right entry stands among the results (1 = first), 0 when it is not among them. */
export function rankOf(question: EvalQuestion, results: SystemAnswer['results']): number {
  return results.findIndex((r) => question.accept.includes(r.id) || (r.code !== '' && question.accept.includes(r.code))) + 1;
}

function isHit(g: Graded): boolean {
  if (g.question.kind === 'none') return NOT_ANSWERED.has(g.answer.outcome);
  if (g.question.kind === 'complaint') return g.answer.outcome === 'complaint';
  return RANKED_OUTCOMES.has(g.answer.outcome) && g.rank === 1;
}

function score(graded: Graded[]): Scores {
  const inScope = graded.filter((g) => g.question.kind === 'entry');
  const ranked = inScope.filter((g) => RANKED_OUTCOMES.has(g.answer.outcome));
  const share = (n: number, d: number) => (d === 0 ? 1 : round(n / d));
  const pr = (kind: EvalQuestion['kind'], outcomes: ReadonlySet<string>) => {
    const predicted = graded.filter((g) => outcomes.has(g.answer.outcome));
    const actual = graded.filter((g) => g.question.kind === kind);
    const both = predicted.filter((g) => g.question.kind === kind).length;
    // Never predicting a kind that occurs is no precision at all, not a perfect one.
    const precision = predicted.length === 0 && actual.length > 0 ? 0 : share(both, predicted.length);
    return [precision, share(both, actual.length)] as const;
  };
  const [nonePrecision, noneRecall] = pr('none', NOT_ANSWERED);
  const [complaintPrecision, complaintRecall] = pr('complaint', new Set(['complaint']));
  return {
    total: graded.length,
    in_scope: inScope.length,
    top1: share(ranked.filter((g) => g.rank === 1).length, inScope.length),
    recall3: share(ranked.filter((g) => g.rank >= 1 && g.rank <= 3).length, inScope.length),
    mrr: inScope.length ? round(ranked.reduce((sum, g) => sum + (g.rank ? 1 / g.rank : 0), 0) / inScope.length) : 1,
    wrong_answer_rate: share(inScope.filter((g) => g.answer.outcome === 'answer' && g.rank !== 1).length, inScope.length),
    direct_answer_rate: share(inScope.filter((g) => g.answer.outcome === 'answer' && g.rank === 1).length, inScope.length),
    list_rate: share(inScope.filter((g) => g.answer.outcome === 'clarify').length, inScope.length),
    none_precision: nonePrecision,
    none_recall: noneRecall,
    complaint_precision: complaintPrecision,
    complaint_recall: complaintRecall,
  };
}

function toMiss(g: Graded): Miss {
  return {
    line: g.question.line,
    q: g.question.q,
    style: g.question.style,
    expect: g.question.kind === 'entry' ? g.question.accept.join('|') : g.question.kind === 'none' ? '@none' : '@complaint',
    outcome: g.answer.outcome,
    got: g.answer.results.slice(0, 3).map((r) => r.id),
  };
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : round((2 * precision * recall) / (precision + recall));
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!, 3);
}

export function round(x: number, digits = 4): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
