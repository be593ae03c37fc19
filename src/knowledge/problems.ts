// A problem found in a knowledge file, phrased for the staff member who edits it.
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** `file:line: field: message`, the form `motcua lint` prints. */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? K.warningTag : '';
  return `${p.file}:${p.line}: ${p.field}: ${p.message}${tag}`;
}
