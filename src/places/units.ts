// Parses the units file (knowledge/places/units-2025.jsonl): one JSON object a line for
// each new province and commune, with the free text of what it was formed from. A line
// that is not of that shape is reported with its number and skipped.
import { z } from 'zod';
import type { Problem } from '../knowledge/problems.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
import { parseJsonLines } from './json-lines.ts';

const recordSchema = z.object({
  level: z.enum(['province', 'commune']),
  code: z.string().regex(/^\d{2}(?:\d{3})?$/, K.unitCode),
  name: z.string().trim().min(1),
  province_code: z.string().optional(),
  province: z.string().optional(),
  before: z.string().default(''),
});

/** A line of the file, with its number for reports. */
export type UnitRecord = z.infer<typeof recordSchema> & { line: number };

/** The records of the file's text; lines not of that shape are reported as problems of `file`. */
export function parseUnits(text: string, file: string, problems: Problem[]): UnitRecord[] {
  return parseJsonLines(text, file, recordSchema, problems);
}
