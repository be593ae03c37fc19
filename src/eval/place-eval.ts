// Scores place questions (issue 13: "phường cũ X giờ thuộc đâu?"). A line's `kind` says
// what must come out: `place` a resolved place whose first result's code is one of
// `expect` (a new commune's code, or a province's); `ambiguous` a clarification whose
// every listed code is one of `expect` (the places the name can mean); `unknown` the
// fallback (`expect` is @none).
import { z } from 'zod';
import { readJsonLines } from './jsonl.ts';
import { percentile, round, type System } from './metrics.ts';

export const PLACE_KINDS = ['place', 'ambiguous', 'unknown'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

const lineSchema = z.object({
  q: z.string().min(1),
  expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  kind: z.enum(PLACE_KINDS),
  style: z.string().default('unspecified'),
  split: z.string().optional(),
});

export interface PlaceQuestion {
  line: number;
  q: string;
  kind: PlaceKind;
  /** Codes that count as right; empty for unknown. */
  accept: string[];
  style: string;
}

export interface Share {
  total: number;
  top1: number;
}

export interface PlaceMiss {
  line: number;
  q: string;
  kind: PlaceKind;
  style: string;
  expect: string;
  outcome: string;
  got: string[];
}

export interface PlaceEvaluation extends Share {
  by_kind: Record<string, Share>;
  by_style: Record<string, Share>;
  latency_ms: { p50: number; p99: number };
  misses: PlaceMiss[];
}

/** A place file's lines say their kind: place, ambiguous or unknown. */
export function isPlaceLine(line: string): boolean {
  const kind = /"kind"\s*:\s*"([a-z]+)"/.exec(line)?.[1];
  return (PLACE_KINDS as readonly string[]).includes(kind ?? '');
}

export async function readPlaceSet(path: string, split?: string): Promise<{ questions: PlaceQuestion[]; errors: string[] }> {
  const { rows, errors } = await readJsonLines(path, lineSchema);
  const questions = rows
    .filter(({ value }) => !split || value.split === split)
    .map(({ line, value: { q, expect, kind, style } }) => ({ line, q, kind, style, accept: kind === 'unknown' ? [] : [expect].flat() }));
  return { questions, errors };
}

export function evaluatePlaces(system: System, questions: readonly PlaceQuestion[]): PlaceEvaluation {
  const times: number[] = [];
  const graded = questions.map((question) => {
    const start = process.hrtime.bigint();
    const answer = system(question.q);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    return { question, answer, hit: isHit(question, answer) };
  });
  const share = (subset: typeof graded): Share => ({ total: subset.length, top1: subset.length ? round(subset.filter((g) => g.hit).length / subset.length) : 1 });
  const by = (key: (q: PlaceQuestion) => string) =>
    Object.fromEntries([...new Set(questions.map(key))].sort().map((k) => [k, share(graded.filter((g) => key(g.question) === k))]));
  return {
    ...share(graded),
    by_kind: by((q) => q.kind),
    by_style: by((q) => q.style),
    latency_ms: { p50: percentile(times, 0.5), p99: percentile(times, 0.99) },
    misses: graded
      .filter((g) => !g.hit)
      .map(({ question: q, answer }) => ({ line: q.line, q: q.q, kind: q.kind, style: q.style, expect: q.accept.join('|') || '@none', outcome: answer.outcome, got: answer.results.slice(0, 5).map((r) => r.code) })),
  };
}

function isHit(question: PlaceQuestion, answer: ReturnType<System>): boolean {
  switch (question.kind) {
    case 'place':
      return answer.outcome === 'place' && question.accept.includes(answer.results[0]?.code ?? '');
    case 'ambiguous':
      return answer.outcome === 'clarify' && answer.results.length > 0 && answer.results.every((r) => question.accept.includes(r.code));
    case 'unknown':
      return answer.outcome === 'fallback';
  }
}
