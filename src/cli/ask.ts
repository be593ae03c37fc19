// `motcua ask`: what a citizen would be told, or the engine's ranking as JSON, for
// one message or for each line of standard input.
import { createInterface } from 'node:readline';
import { renderDecision } from '../dialogue/answer.ts';
import type { Reply } from '../kernel/reply.ts';
import type { Decision } from '../search/decision.ts';
import type { Engine } from '../search/engine.ts';
import { placeResults } from '../places/results.ts';
import { loadEngine } from './knowledge-dirs.ts';

export interface AskOptions {
  json: boolean;
  knowledge?: string[];
  national?: boolean;
}

export async function ask(text: string, options: AskOptions): Promise<number> {
  const engine = await loadEngine(options.knowledge, { national: options.national });
  if (text === '-') {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      console.log(options.json ? JSON.stringify(decisionJson(line, engine.decide(line))) : renderText(engine, engine.decide(line)));
    }
    return 0;
  }
  const decision = engine.decide(text);
  console.log(options.json ? JSON.stringify(decisionJson(text, decision), null, 2) : renderText(engine, decision));
  return 0;
}

export function decisionJson(q: string, decision: Decision) {
  return { q, outcome: decision.outcome, results: rankedResults(decision) };
}

/**
 * What a decision ranks: entries, or for a place question the places, each with its
 * official code (the new commune's, or the province's when only a province was named).
 */
export function rankedResults(decision: Decision): { id: string; code: string; title: string; score: number }[] {
  if (decision.place?.role === 'question') return placeResults(decision.place.resolution);
  return decision.candidates.map((c) => ({ id: c.entry.id, code: c.entry.code, title: c.entry.title, score: Math.round(c.score * 1000) / 1000 }));
}

function renderText(engine: Engine, decision: Decision): string {
  return renderDecision(decision, engine.clarifyChoices(decision), engine.knowledge.locality).map(replyText).join('\n\n');
}

function replyText(reply: Reply): string {
  const choices = (reply.choices ?? []).map((c, i) => `  [${i + 1}] ${c.label}`);
  return [reply.text, ...choices].join('\n');
}
