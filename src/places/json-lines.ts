// The places files are JSON Lines: one object a line. A line that is not JSON, or not of
// the file's shape, is reported with its number and skipped; the rest is read.
import type { z } from 'zod';
import type { Problem } from '../knowledge/problems.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

/** The records of `text` that `schema` takes, each with its line number; the others reported as problems of `file`. */
export function parseJsonLines<S extends z.ZodTypeAny>(text: string, file: string, schema: S, problems: Problem[]): (z.infer<S> & { line: number })[] {
  const records: (z.infer<S> & { line: number })[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    let parsed: z.SafeParseReturnType<unknown, z.infer<S>>;
    try {
      parsed = schema.safeParse(JSON.parse(line));
    } catch {
      problems.push({ file, line: i + 1, field: '-', message: K.badJsonLine, severity: 'error' });
      continue;
    }
    if (parsed.success) records.push({ ...parsed.data, line: i + 1 });
    else for (const issue of parsed.error.issues) problems.push({ file, line: i + 1, field: issue.path.join('.') || '-', message: issue.message, severity: 'error' });
  }
  return records;
}
