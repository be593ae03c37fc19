// Reads an evaluation file: one JSON question per line with what should come out.
import { z } from 'zod';
import { readJsonLines } from './jsonl.ts';

export const NONE = '@none';
export const COMPLAINT = '@complaint';
/** Chit-chat, general knowledge, other agencies' business, scams: scored like @none (no procedure may be given). */
export const OFFTOPIC = '@offtopic';

const lineSchema = z.object({
  q: z.string().min(1),
  expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  style: z.string().default('unspecified'),
  split: z.string().optional(),
});

export interface EvalQuestion {
  line: number;
  q: string;
  /** Ids or official codes that count as right; empty for @none / @complaint. */
  accept: string[];
  kind: 'entry' | 'none' | 'complaint';
  style: string;
  split?: string;
}

export async function readEvalSet(path: string, split?: string): Promise<{ questions: EvalQuestion[]; errors: string[] }> {
  const { rows, errors } = await readJsonLines(path, lineSchema);
  const questions = rows
    .filter(({ value }) => !split || value.split === split)
    .map(({ line, value: { q, expect, style, split: lineSplit } }): EvalQuestion => {
      const kind = expect === NONE || expect === OFFTOPIC ? 'none' : expect === COMPLAINT ? 'complaint' : 'entry';
      return { line, q, style, split: lineSplit, kind, accept: kind === 'entry' ? [expect].flat() : [] };
    });
  return { questions, errors };
}
