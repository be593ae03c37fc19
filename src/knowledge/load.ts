// Reads knowledge directories into validated entries. A broken file is reported
// (file:line: field: message) and skipped; the rest still load, so one typo by a
// staff member never takes the bot down.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { shownPath } from './optional-file.ts';
import type { ZodIssue } from 'zod';
import { entryFrom, type Entry } from './entry.ts';
import { parseFrontMatter } from './front-matter.ts';
import type { Problem } from './problems.ts';
import { loadNationalSet } from './national.ts';
import { faqSchema, procedureSchema } from './schema.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

export interface LoadResult {
  /** Entries a citizen can be shown: imported twins of curated entries are left out. */
  entries: Entry[];
  problems: Problem[];
}

export interface LoadOptions {
  /** Today's date (YYYY-MM-DD) for the review-date warning. */
  today?: string;
  /** Also each directory's national set (national/procedures.jsonl.gz), where it has one. */
  national?: boolean;
}

export async function loadKnowledge(dirs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const problems: Problem[] = [];
  const loaded: Entry[] = [];
  for (const dir of dirs) {
    for (const path of await listEntryFiles(dir, problems)) {
      const entry = await loadEntryFile(path, problems, options.today);
      if (entry) loaded.push(entry);
    }
    if (options.national) loaded.push(...(await loadNationalSet(dir, problems)));
  }
  return { entries: resolveEntries(loaded, problems), problems };
}

/** Markdown files below `dir`, sorted for a stable order; README files are documentation. */
async function listEntryFiles(dir: string, problems: Problem[]): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })) as string[];
  } catch (error) {
    problems.push({ file: dir, line: 0, field: '-', message: K.unreadableDir((error as NodeJS.ErrnoException).code), severity: 'error' });
    return [];
  }
  return names
    .filter((name) => name.endsWith('.md') && basename(name).toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(dir, name));
}

export async function loadEntryFile(path: string, problems: Problem[], today?: string): Promise<Entry | undefined> {
  return readEntryText(await readFile(path, 'utf8'), path, problems, today);
}

/** The entry a knowledge file's text holds, read as if from `path`; its problems are added to `problems`. */
export function readEntryText(text: string, path: string, problems: Problem[], today?: string): Entry | undefined {
  const file = shownPath(path);
  const report = (line: number, field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file, line, field, message, severity });

  const split = parseFrontMatter(text);
  if (!split.ok) {
    report(split.line, '-', split.message);
    return undefined;
  }
  const { data, body, lineOf } = split.file;
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (kind !== 'procedure' && kind !== 'faq') {
    report(lineOf(['kind']), 'kind', K.kind);
    return undefined;
  }
  const parsed = (kind === 'faq' ? faqSchema : procedureSchema).safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(lineOf(issue.path), fieldName(issue), describe(issue));
    return undefined;
  }
  const fields = parsed.data;
  if (fields.review_by <= fields.updated) {
    report(lineOf(['review_by']), 'review_by', K.reviewBeforeUpdate);
    return undefined;
  }
  if (kind === 'faq' && !body) {
    report(lineOf([]), 'body', K.faqWithoutAnswer);
    return undefined;
  }
  const expectedId = basename(path, '.md');
  if (fields.id !== expectedId) {
    report(lineOf(['id']), 'id', K.idNotFileName(expectedId));
    return undefined;
  }
  if (today && fields.review_by < today) {
    report(lineOf(['review_by']), 'review_by', K.reviewOverdue(fields.review_by), 'warning');
  }
  return entryFrom(fields, body, file);
}

/** Rejects duplicate ids; hides an imported entry when a curated one has the same official code. */
function resolveEntries(loaded: Entry[], problems: Problem[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const entry of loaded) {
    const first = byId.get(entry.id);
    if (first) {
      problems.push({ file: entry.file, line: 2, field: 'id', message: K.duplicateId(entry.id, first.file), severity: 'error' });
      continue;
    }
    byId.set(entry.id, entry);
  }
  const curatedCodes = new Set([...byId.values()].filter((e) => e.origin === 'curated' && e.code).map((e) => e.code));
  return [...byId.values()].filter((e) => e.origin === 'curated' || !curatedCodes.has(e.code));
}

function fieldName(issue: ZodIssue): string {
  return issue.path.length ? issue.path.join('.') : '-';
}

function describe(issue: ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return K.missing;
  if (issue.code === 'unrecognized_keys') return K.unknownFields(issue.keys);
  if (issue.code === 'invalid_type') return K.wrongType(issue.expected);
  if (issue.code === 'invalid_literal') return K.wrongValue(String(issue.expected));
  return issue.message;
}
