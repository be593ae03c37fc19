// Reads an evaluation file: one JSON question per line with what should come out.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const NONE = '@none';
export const COMPLAINT = '@complaint';

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
  const questions: EvalQuestion[] = [];
  const errors: string[] = [];
  const lines = (await readFile(path, 'utf8')).split('\n');
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      errors.push(`${path}:${i + 1}: not valid JSON`);
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) {
      errors.push(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return;
    }
    const { q, expect, style } = parsed.data;
    if (split && parsed.data.split !== split) return;
    const kind = expect === NONE ? 'none' : expect === COMPLAINT ? 'complaint' : 'entry';
    questions.push({ line: i + 1, q, style, split: parsed.data.split, kind, accept: kind === 'entry' ? [expect].flat() : [] });
  });
  return { questions, errors };
}
