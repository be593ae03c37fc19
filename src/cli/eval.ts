// `motcua eval`: measures the engine on an evaluation file, with a default-options
// MiniSearch over the same knowledge scored in the same run for comparison; a file of
// multi-turn scenarios is replayed through the dialogue instead, with pass rates per kind;
// a file of place questions is scored per kind (place, ambiguous, unknown).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hotline } from '../complaints/hotline.ts';
import { WorkingCalendar } from '../complaints/working-days.ts';
import { Conversation } from '../dialogue/conversation.ts';
import { defaultMiniSearch } from '../eval/baseline.ts';
import { passRates, readScenarios, replay, type ScenarioResult } from '../eval/scenarios.ts';
import { openStore } from '../store/open-store.ts';
import { openDatabase } from '../store/database.ts';
import { readEvalSet } from '../eval/eval-set.ts';
import { evaluate, type System } from '../eval/metrics.ts';
import { evaluatePlaces, isPlaceLine, readPlaceSet } from '../eval/place-eval.ts';
import { rankedResults } from './ask.ts';
import type { Engine } from '../search/engine.ts';
import { loadEngine } from './knowledge-dirs.ts';
import { evalReport, placeReport, scenarioReport } from './reports.ts';
import { fileProblem, MESSAGES } from '../texts/editors.ts';
import { channelTraits } from '../../adapters/channel-traits.ts';

export interface EvalOptions {
  json: boolean;
  knowledge?: string[];
  national?: boolean;
  split?: string;
}

export function engineSystem(engine: Engine): System {
  return (q) => {
    const d = engine.decide(q);
    return { outcome: d.outcome, results: rankedResults(d) };
  };
}

export async function runEval(file: string, options: EvalOptions): Promise<number> {
  const first = await firstLine(file);
  if (first !== undefined && /"turns"\s*:/.test(first)) return await runScenarios(file, options);
  if (first !== undefined && isPlaceLine(first)) return await runPlaces(file, options);
  let read;
  try {
    read = await readEvalSet(file, options.split);
  } catch (error) {
    console.error(MESSAGES.evalCannotRead(fileProblem(file, error)));
    return 1;
  }
  const { questions, errors } = read;
  if (!usable(file, options.split, questions.length, errors)) return 1;
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

/** Prints a file's bad lines; false, after saying so, when it has nothing of the split to evaluate. */
function usable(file: string, split: string | undefined, count: number, errors: readonly string[]): boolean {
  for (const error of errors) console.error(error);
  if (count > 0) return true;
  console.error(MESSAGES.evalNoQuestions(file, split));
  return false;
}

/** The first line says the kind of file: a scenario's has turns, a place question's a kind, a question's a q. */
async function firstLine(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).split('\n').find((line) => line.trim());
  } catch {
    return undefined; // the question path says why it cannot be read
  }
}

/** Place questions: top-1 per kind (place, ambiguous, unknown) and style, and latency. */
async function runPlaces(file: string, options: EvalOptions): Promise<number> {
  const { questions, errors } = await readPlaceSet(file, options.split);
  if (!usable(file, options.split, questions.length, errors)) return 1;
  const engine = await loadEngine(options.knowledge, { national: options.national });
  // The units file is indexed once, on first use: not a cost of any one question.
  engine.knowledge.places?.warm();
  const scores = evaluatePlaces(engineSystem(engine), questions);
  console.log(options.json ? JSON.stringify(scores, null, 2) : placeReport(file, options.split, scores));
  return errors.length ? 1 : 0;
}

/** Replays every scenario on a fresh chat of a real Conversation (its own SQLite store) and reports pass rates per kind. */
async function runScenarios(file: string, options: EvalOptions): Promise<number> {
  const { scenarios, errors } = await readScenarios(file, options.split);
  if (!usable(file, options.split, scenarios.length, errors)) return 1;
  const engine = await loadEngine(options.knowledge, { national: options.national });
  const dir = await mkdtemp(join(tmpdir(), 'motcua-scenarios-'));
  const store = await openStore(`sqlite://${join(dir, 'store.sqlite')}`);
  const database = await openDatabase(`sqlite://${join(dir, 'records.sqlite')}`);
  try {
    const hotline = new Hotline({ database, calendar: new WorkingCalendar({ fixed: [], dates: [] }), dueWorkingDays: 10, targets: [] });
    const conversation = new Conversation({ traits: channelTraits, engine, store, sessionTtlMs: 24 * 3600_000, hotline });
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const address = { channel: scenario.channel, chatId: `scenario-${scenario.id}` };
      let update = 0;
      results.push(await replay(scenario, (text) => conversation.handle({ address, updateId: String(++update), text, receivedAt: Date.now() })));
    }
    console.log(options.json ? JSON.stringify({ pass_rates: passRates(results), failed: results.filter((r) => !r.passed) }, null, 2) : scenarioReport(file, options.split, results));
  } finally {
    await store.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
  return errors.length ? 1 : 0;
}
