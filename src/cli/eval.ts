// `motcua eval`: measures the engine on an evaluation file, with a default-options
// MiniSearch over the same knowledge scored in the same run for comparison.
import { defaultMiniSearch } from '../eval/baseline.ts';
import { readEvalSet } from '../eval/eval-set.ts';
import { evaluate, type System } from '../eval/metrics.ts';
import { formatEvaluation } from '../eval/report.ts';
import type { Engine } from '../search/engine.ts';
import { loadEngine } from './knowledge-dirs.ts';

export interface EvalOptions {
  json: boolean;
  knowledge?: string[];
  split?: string;
}

export function engineSystem(engine: Engine): System {
  return (q) => {
    const d = engine.decide(q);
    return { outcome: d.outcome, results: d.candidates.map((c) => ({ id: c.entry.id, code: c.entry.code })) };
  };
}

export async function runEval(file: string, options: EvalOptions): Promise<number> {
  const { questions, errors } = await readEvalSet(file, options.split);
  for (const error of errors) console.error(error);
  if (questions.length === 0) {
    console.error(`motcua eval: no questions in ${file}${options.split ? ` for split ${options.split}` : ''}`);
    return 1;
  }
  const engine = await loadEngine(options.knowledge);
  const ours = evaluate(engineSystem(engine), questions);
  const baseline = evaluate(defaultMiniSearch(engine.knowledge.entries), questions);
  if (options.json) {
    const { misses: _ignored, by_style: _s, ...baselineScores } = baseline;
    console.log(JSON.stringify({ ...ours, baseline: baselineScores }, null, 2));
  } else {
    console.log(formatEvaluation(`${file}${options.split ? ` (split ${options.split})` : ''}`, ours, baseline));
  }
  return errors.length ? 1 : 0;
}
