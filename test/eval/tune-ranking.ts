// Chooses the ranking weights (src/search/ranker.ts DEFAULT_WEIGHTS, word-match.ts
// DEFAULT_WORD_MATCH) by coordinate ascent on the DEV splits only: each weight in turn
// is scaled up and down, and a change is kept when the objective gains. Prints every
// trial and the best weights as JSON; writes nothing. The decision thresholds are not
// tuned here: the objective reads the ranking (the first candidates), not the outcome.
//
// Run: npx tsx test/eval/tune-ranking.ts [--factors 0.6,1.5] [--rounds 2] [--from weights.json]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { Engine } from '../../src/search/engine.ts';
import { DEFAULT_WEIGHTS, type RankWeights } from '../../src/search/ranker.ts';
import { DEFAULT_WORD_MATCH, type WordMatchWeights } from '../../src/search/word-match.ts';
import { readEvalSet, type EvalQuestion } from '../../src/eval/eval-set.ts';

const NATIONAL = ['national/writer-a', 'national/writer-b'];
const CURATED = ['questions', 'citizens/farmer', 'citizens/shop', 'citizens/student', 'citizens/worker'];
/** Curated answers weigh twice the national ones: the national gains must not cost the common questions. */
const CURATED_WEIGHT = 2;
/** A change must gain more than this (about one question in a set of two hundred) to be kept. */
const MIN_GAIN = 0.002;

interface Weights {
  ranking: RankWeights;
  wordMatch: WordMatchWeights;
}

interface Knob {
  label: string;
  get(w: Weights): number;
  set(w: Weights, value: number): void;
}

const field = (name: string): Knob => ({
  label: `fields.${name}`,
  get: (w) => w.ranking.fields[name] ?? 0,
  set: (w, v) => (w.ranking.fields[name] = v),
});
const ranking = (name: 'folded' | 'functionWord' | 'aspectWord' | 'curated' | 'name' | 'asked' | 'wordMatch', max = Infinity): Knob => ({
  label: name,
  get: (w) => w.ranking[name],
  set: (w, v) => (w.ranking[name] = Math.min(max, v)),
});
const wordMatch = (name: keyof WordMatchWeights): Knob => ({
  label: `wordMatch.${name}`,
  get: (w) => w.wordMatch[name],
  set: (w, v) => (w.wordMatch[name] = v),
});

const KNOBS: Knob[] = [
  ...['title', 'alias', 'question', 'text'].map(field),
  ranking('folded'),
  ranking('functionWord'),
  ranking('aspectWord'),
  ranking('curated'),
  ranking('name'),
  ranking('asked'),
  ranking('wordMatch', 1),
  wordMatch('name'),
  wordMatch('phrasing'),
  wordMatch('detail'),
  wordMatch('nameShare'),
];

interface Figures {
  objective: number;
  /** Per set: the share of in-scope questions whose entry is ranked first, and in the first three. */
  sets: Record<string, { top1: number; top3: number }>;
}

function measure(weights: Weights, knowledge: Awaited<ReturnType<typeof loadKnowledgeBase>>, sets: Record<string, EvalQuestion[]>): Figures {
  const engine = new Engine(knowledge, { weights: weights.ranking, wordMatch: weights.wordMatch });
  const figures: Figures['sets'] = {};
  for (const [name, questions] of Object.entries(sets)) {
    let top1 = 0;
    let top3 = 0;
    for (const question of questions) {
      const rank = engine.decide(question.q).candidates.findIndex((c) => [c.entry, ...(c.twins ?? [])].some((e) => question.accept.includes(e.id) || question.accept.includes(e.code))) + 1;
      if (rank === 1) top1++;
      if (rank >= 1 && rank <= 3) top3++;
    }
    figures[name] = { top1: top1 / questions.length, top3: top3 / questions.length };
  }
  const mean = (names: string[], pick: (f: { top1: number; top3: number }) => number) => names.reduce((sum, n) => sum + pick(figures[n]!), 0) / names.length;
  const national = mean(NATIONAL, (f) => f.top1) + 0.5 * mean(NATIONAL, (f) => f.top3);
  return { objective: national + CURATED_WEIGHT * mean(CURATED, (f) => f.top1), sets: figures };
}

function describe(f: Figures): string {
  const sets = Object.entries(f.sets).map(([name, s]) => `${name.split('/').pop()} ${s.top1.toFixed(3)}/${s.top3.toFixed(3)}`);
  return `objective ${f.objective.toFixed(4)}  ${sets.join('  ')}`;
}

const { values } = parseArgs({ options: { factors: { type: 'string', default: '0.6,1.5' }, rounds: { type: 'string', default: '2' }, from: { type: 'string' } } });
const factors = values.factors.split(',').map(Number);
const knowledge = await loadKnowledgeBase(['knowledge'], { today: new Date().toISOString().slice(0, 10), national: true });
const sets: Record<string, EvalQuestion[]> = {};
for (const name of [...NATIONAL, ...CURATED]) {
  sets[name] = (await readEvalSet(`test/eval/${name}.jsonl`, 'dev')).questions.filter((q) => q.kind === 'entry');
}
const copy = (w: Weights): Weights => structuredClone(w);
let best: Weights = values.from ? (JSON.parse(await readFile(values.from, 'utf8')) as Weights) : copy({ ranking: DEFAULT_WEIGHTS, wordMatch: DEFAULT_WORD_MATCH });
let bestFigures = measure(best, knowledge, sets);
console.log(`start  ${describe(bestFigures)}`);
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const knob of KNOBS) {
    for (const factor of factors) {
      const trial = copy(best);
      knob.set(trial, knob.get(trial) * factor);
      const figures = measure(trial, knowledge, sets);
      const kept = figures.objective > bestFigures.objective + MIN_GAIN;
      console.log(`${knob.label} x${factor} = ${knob.get(trial).toFixed(3)}  ${describe(figures)}${kept ? '  kept' : ''}`);
      if (kept) [best, bestFigures] = [trial, figures];
    }
  }
}
console.log(`best   ${describe(bestFigures)}`);
console.log(JSON.stringify(best));
