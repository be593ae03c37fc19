// Parses the list of districts before the 2025 merger (knowledge/places/districts-2024.jsonl):
// one JSON object a line for each district, with its province and its communes. The units
// file names an old commune's district only now and then; this list gives the rest (see
// Gazetteer).
import { z } from 'zod';
import type { Problem } from '../knowledge/problems.ts';
import { parseJsonLines } from './json-lines.ts';

const districtSchema = z.object({
  code: z.string().regex(/^\d{3}$/),
  name: z.string().trim().min(1),
  province_code: z.string().regex(/^\d{2}$/),
  province: z.string().trim().min(1),
  communes: z.array(z.object({ code: z.string().regex(/^\d{5}$/), name: z.string().trim().min(1) })),
});

export type OldDistrict = z.infer<typeof districtSchema>;

/** The districts of the file's text; lines not of that shape are reported as problems of `file`. */
export function parseOldDistricts(text: string, file: string, problems: Problem[]): OldDistrict[] {
  return parseJsonLines(text, file, districtSchema, problems);
}
