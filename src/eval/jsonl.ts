// Reads an evaluation file of one JSON object a line, each checked against a schema;
// a line that is not JSON or not of the schema is named with its number and skipped.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

export async function readJsonLines<S extends z.ZodTypeAny>(path: string, schema: S): Promise<{ rows: { line: number; value: z.infer<S> }[]; errors: string[] }> {
  const rows: { line: number; value: z.infer<S> }[] = [];
  const errors: string[] = [];
  for (const [i, text] of (await readFile(path, 'utf8')).split('\n').entries()) {
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      errors.push(K.evalBadLine(path, i + 1));
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) rows.push({ line: i + 1, value: parsed.data });
    else errors.push(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  }
  return { rows, errors };
}
