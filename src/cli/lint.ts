// `motcua lint`: checks knowledge files for staff and CI; exits non-zero on errors.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.ts';
import { formatProblem } from '../knowledge/problems.ts';
import { knowledgeDirs, today } from './knowledge-dirs.ts';
import { MESSAGES } from '../texts/editors.ts';

export async function lint(dirs: string[]): Promise<number> {
  // The national set too: a set edited by hand or broken is reported like any file.
  const searched = knowledgeDirs(dirs);
  const kb = await loadKnowledgeBase(searched, { today: today(), national: true });
  // The units file is indexed on first use: lint indexes it to report what it could not read,
  // and checks that the reception points name communes it has.
  const localityFile = searched.map((dir) => join(dir, 'locality.yaml')).find((file) => existsSync(file)) ?? 'locality.yaml';
  const problems = [...kb.problems, ...(kb.places ? [...kb.places.problems(), ...kb.places.unknownCodes(kb.locality, localityFile)] : [])];
  for (const problem of problems) console.log(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  console.log(MESSAGES.lintSummary(kb.entries.length, errors, warnings));
  return errors ? 1 : 0;
}
