// Chooses the engine's numbers by coordinate ascent on the DEV splits only: each number in
// turn is scaled up and down, and a change is kept when the objective gains. Prints every
// trial and the best numbers as JSON; writes nothing (copy them into the source by hand).
//   --part ranking     the ranking weights (ranker.ts DEFAULT_WEIGHTS, word-match.ts
//                      DEFAULT_WORD_MATCH); the objective reads the ranking alone: the
//                      national sets' top-1 and top-3, and the curated sets' top-1.
//   --part thresholds  the decision thresholds (engine.ts DEFAULT_THRESHOLDS); the objective
//                      reads the outcomes: per set, top-1 + direct answers − 4 × wrong
//                      answers + half the @none precision and recall; a change that gives
//                      any set more wrong answers is never kept.
//
// Run: npx tsx test/eval/tune-engine.ts [--part ranking|thresholds] [--factors 0.6,1.5] [--rounds 2]
import { parseArgs } from 'node:util';
import { engineSystem } from '../../src/cli/eval.ts';
import { readEvalSet, type EvalQuestion } from '../../src/eval/eval-set.ts';
import { evaluate, rankOf } from '../../src/eval/metrics.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { DEFAULT_THRESHOLDS, Engine, type EngineOptions, type Thresholds } from '../../src/search/engine.ts';
import { DEFAULT_WEIGHTS, type RankWeights } from '../../src/search/ranker.ts';
import { DEFAULT_WORD_MATCH, type WordMatchWeights } from '../../src/search/word-match.ts';

const NATIONAL = ['national/writer-a', 'national/writer-b'];
const CURATED = ['questions', 'citizens/farmer', 'citizens/shop', 'citizens/student', 'citizens/worker', 'citizens/mother', 'citizens/nongdan', 'citizens/hotline', 'citizens/taynguyen'];
/** Ranking: curated answers weigh twice the national ones, so national gains cannot cost the common questions. */
const CURATED_WEIGHT = 2;
/** Thresholds: a wrong direct answer costs four right ones. */
const WRONG_COST = 4;

interface Numbers {
  ranking: RankWeights;
  wordMatch: WordMatchWeights;
  thresholds: Thresholds;
}

interface Knob {
  label: string;
  get(n: Numbers): number;
  set(n: Numbers, value: number): void;
}

const knob = <T extends object>(part: (n: Numbers) => T, prefix: string, name: keyof T & string, max = Infinity): Knob => ({
  label: `${prefix}${name}`,
  get: (n) => part(n)[name] as number,
  set: (n, v) => ((part(n)[name] as number) = Math.min(max, v)),
});

const RANKING_KNOBS: Knob[] = [
  ...(['title', 'alias', 'question', 'text'] as const).map((f) => knob((n) => n.ranking.fields, 'fields.', f)),
  ...(['folded', 'functionWord', 'aspectWord', 'curated', 'name', 'asked'] as const).map((k) => knob((n) => n.ranking, '', k)),
  knob((n) => n.ranking, '', 'wordMatch', 1),
  ...(['name', 'phrasing', 'detail', 'nameShare'] as const).map((k) => knob((n) => n.wordMatch, 'wordMatch.', k)),
];

/** Thresholds that are counts or fixed by meaning (shortMessage, questionName) stay out. */
const THRESHOLD_KNOBS: Knob[] = (
  ['unknownShare', 'missingWord', 'weakName', 'lackingCoverage', 'leastName', 'fallbackCoverage', 'strongName', 'nameCoverage', 'answerCoverage', 'leadRatio', 'nationalLeadRatio', 'clarifyRatio', 'namedCoverage', 'guessCoverage', 'guessName', 'guessNameAlone', 'guessWideCoverage', 'guessWideName'] as const
).map((k) => knob((n) => n.thresholds, '', k));

type Sets = Record<string, EvalQuestion[]>;
/** `wrong`: each set's wrong-answer rate, when the objective reads outcomes; none may rise. */
type Objective = (engine: Engine, sets: Sets) => { value: number; figures: string[]; wrong?: number[] };

const rankingObjective: Objective = (engine, sets) => {
  const system = engineSystem(engine);
  const shares: Record<string, { top1: number; top3: number }> = {};
  for (const [name, questions] of Object.entries(sets)) {
    const inScope = questions.filter((q) => q.kind === 'entry');
    const ranks = inScope.map((q) => rankOf(q, system(q.q).results));
    shares[name] = { top1: ranks.filter((r) => r === 1).length / inScope.length, top3: ranks.filter((r) => r >= 1 && r <= 3).length / inScope.length };
  }
  const mean = (names: string[], pick: (s: { top1: number; top3: number }) => number) => names.reduce((sum, n) => sum + pick(shares[n]!), 0) / names.length;
  const value = mean(NATIONAL, (s) => s.top1) + 0.5 * mean(NATIONAL, (s) => s.top3) + CURATED_WEIGHT * mean(CURATED, (s) => s.top1);
  return { value, figures: Object.entries(shares).map(([n, s]) => `${short(n)} ${s.top1.toFixed(3)}/${s.top3.toFixed(3)}`) };
};

const thresholdObjective: Objective = (engine, sets) => {
  const system = engineSystem(engine);
  let value = 0;
  const figures: string[] = [];
  const wrong: number[] = [];
  for (const [name, questions] of Object.entries(sets)) {
    const e = evaluate(system, questions);
    value += e.top1 + e.direct_answer_rate - WRONG_COST * e.wrong_answer_rate + 0.5 * (e.none_precision + e.none_recall);
    wrong.push(e.wrong_answer_rate);
    figures.push(`${short(name)} ${[e.top1, e.direct_answer_rate, e.wrong_answer_rate, e.none_precision, e.none_recall].map((x) => x.toFixed(3)).join('/')}`);
  }
  return { value, figures, wrong };
};

const PARTS = {
  ranking: { knobs: RANKING_KNOBS, objective: rankingObjective, minGain: 0.002 },
  thresholds: { knobs: THRESHOLD_KNOBS, objective: thresholdObjective, minGain: 0.01 },
};

const short = (name: string) => name.split('/').pop()!;

function measure(knowledge: KnowledgeBase, sets: Sets, numbers: Numbers, objective: Objective) {
  const options: EngineOptions = { weights: numbers.ranking, wordMatch: numbers.wordMatch, thresholds: numbers.thresholds };
  return objective(new Engine(knowledge, options), sets);
}

const { values } = parseArgs({ options: { part: { type: 'string', default: 'ranking' }, factors: { type: 'string', default: '0.6,1.5' }, rounds: { type: 'string', default: '2' } } });
const part = PARTS[values.part as keyof typeof PARTS];
if (!part) throw new Error(`--part is ranking or thresholds, not ${values.part}`);
const factors = values.factors.split(',').map(Number);
const knowledge = await loadKnowledgeBase(['knowledge'], { today: new Date().toISOString().slice(0, 10), national: true });
const sets: Sets = {};
for (const name of [...NATIONAL, ...CURATED]) sets[name] = (await readEvalSet(`test/eval/${name}.jsonl`, 'dev')).questions;

let best: Numbers = structuredClone({ ranking: DEFAULT_WEIGHTS, wordMatch: DEFAULT_WORD_MATCH, thresholds: DEFAULT_THRESHOLDS });
let bestResult = measure(knowledge, sets, best, part.objective);
console.log(`start  ${bestResult.value.toFixed(4)}  ${bestResult.figures.join('  ')}`);
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const k of part.knobs) {
    for (const factor of factors) {
      const trial = structuredClone(best);
      k.set(trial, k.get(trial) * factor);
      const result = measure(knowledge, sets, trial, part.objective);
      const noMoreWrong = (result.wrong ?? []).every((w, i) => w <= bestResult.wrong![i]!);
      const kept = result.value > bestResult.value + part.minGain && noMoreWrong;
      console.log(`${k.label} x${factor} = ${k.get(trial).toFixed(3)}  ${result.value.toFixed(4)}  ${result.figures.join('  ')}${kept ? '  kept' : ''}`);
      if (kept) [best, bestResult] = [trial, result];
    }
  }
}
console.log(`best   ${bestResult.value.toFixed(4)}  ${bestResult.figures.join('  ')}`);
console.log(JSON.stringify(values.part === 'ranking' ? { ranking: best.ranking, wordMatch: best.wordMatch } : best.thresholds));
