// `motcua lint`: checks knowledge files for staff and CI; exits non-zero on errors.
import { loadKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { formatProblem } from '../knowledge/problems.ts';
import { knowledgeDirs, today } from './knowledge-dirs.ts';
import { MESSAGES } from './texts.ts';

export async function lint(dirs: string[]): Promise<number> {
  // The national set too: a set edited by hand or broken is reported like any file.
  const kb = await loadKnowledgeBase(knowledgeDirs(dirs), { today: today(), national: true });
  for (const problem of kb.problems) console.log(formatProblem(problem));
  const errors = kb.problems.filter((p) => p.severity === 'error').length;
  const warnings = kb.problems.length - errors;
  console.log(MESSAGES.lintSummary(kb.entries.length, errors, warnings));
  return errors ? 1 : 0;
}
