// Reads a plain YAML data file (locality, lexicon) and validates it, reporting
// problems with line numbers in the same form as knowledge entries.
import { readIfPresent, shownPath } from './optional-file.ts';
import { LineCounter, parseDocument } from 'yaml';
import type { ZodType, ZodTypeDef } from 'zod';
import { yamlMessage } from './front-matter.ts';
import type { Problem } from './problems.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

export async function readYamlFile<T>(path: string, schema: ZodType<T, ZodTypeDef, unknown>, problems: Problem[]): Promise<T | undefined> {
  const file = shownPath(path);
  const text = await readIfPresent(path);
  if (text === undefined) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const parseError = doc.errors[0];
  if (parseError) {
    problems.push({ file, line: counter.linePos(parseError.pos[0]).line, field: '-', message: K.yaml(yamlMessage(parseError.message)), severity: 'error' });
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const node = doc.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? counter.linePos(node.range[0]).line : 1;
    problems.push({ file, line, field: issue.path.join('.') || '-', message: issue.message, severity: 'error' });
  }
  return undefined;
}
