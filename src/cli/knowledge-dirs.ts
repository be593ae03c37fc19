// Where the CLI reads knowledge from: the --knowledge directories, or the project's
// own knowledge/ folder (from the current directory, else next to the package).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { Engine } from '../search/engine.ts';
import { MESSAGES } from '../texts/editors.ts';

const PACKAGE_KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));

export function knowledgeDirs(given: readonly string[] | undefined): string[] {
  if (given && given.length) return [...given];
  return [existsSync('knowledge') ? 'knowledge' : PACKAGE_KNOWLEDGE];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Loads the knowledge and builds the engine; problems go to stderr so stdout stays clean for --json. */
export async function loadEngine(dirs: readonly string[] | undefined, options: { national?: boolean } = {}): Promise<Engine> {
  const kb: KnowledgeBase = await loadKnowledgeBase(knowledgeDirs(dirs), { today: today(), national: options.national });
  const errors = kb.problems.filter((p) => p.severity === 'error').length;
  if (errors) console.error(MESSAGES.knowledgeErrors(errors));
  return new Engine(kb);
}
