// `motcua eval`: measures the engine on an evaluation file, with a default-options
// MiniSearch over the same knowledge scored in the same run for comparison.
import { defaultMiniSearch } from '../eval/baseline.ts';
import { readEvalSet } from '../eval/eval-set.ts';
import { evaluate, type System } from '../eval/metrics.ts';
import type { Engine } from '../search/engine.ts';
import { loadEngine } from './knowledge-dirs.ts';
import { evalReport, fileProblem, MESSAGES } from './texts.ts';

export interface EvalOptions {
  json: boolean;
  knowledge?: string[];
  national?: boolean;
  split?: string;
}

export function engineSystem(engine: Engine): System {
  return (q) => {
    const d = engine.decide(q);
    return { outcome: d.outcome, results: d.candidates.map((c) => ({ id: c.entry.id, code: c.entry.code })) };
  };
}

export async function runEval(file: string, options: EvalOptions): Promise<number> {
  let read;
  try {
    read = await readEvalSet(file, options.split);
  } catch (error) {
    console.error(MESSAGES.evalCannotRead(fileProblem(file, error)));
    return 1;
  }
  const { questions, errors } = read;
  for (const error of errors) console.error(error);
  if (questions.length === 0) {
    console.error(MESSAGES.evalNoQuestions(file, options.split));
    return 1;
  }
  const engine = await loadEngine(options.knowledge, { national: options.national });
  const ours = evaluate(engineSystem(engine), questions);
  const baseline = evaluate(defaultMiniSearch(engine.knowledge.entries), questions);
  if (options.json) {
    const { misses: _ignored, by_style: _s, ...baselineScores } = baseline;
    console.log(JSON.stringify({ ...ours, baseline: baselineScores }, null, 2));
  } else {
    console.log(evalReport(file, options.split, ours, baseline));
  }
  return errors.length ? 1 : 0;
}
