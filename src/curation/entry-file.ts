// Writing staff's edits from /admin into an entry's Markdown file: only the fields that
// changed are set in the front matter (comments, order and the other fields stay as they
// were), the new text is checked exactly as `motcua lint` checks a file, and only then
// written (to a temporary file renamed over the old one, so a reload never reads half a
// file). Each edit is recorded: who, when, which fields, before and after.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify, type Document } from 'yaml';
import type { Entry } from '../knowledge/entry.ts';
import { splitFrontMatter } from '../knowledge/front-matter.ts';
import { readEntryText } from '../knowledge/load.ts';
import type { Problem } from '../knowledge/problems.ts';
import type { FieldChange, KnowledgeHistory } from '../store/knowledge-history.ts';
import { changedFields, FORM_FIELDS, formValues, splitLines, type FormValues } from './entry-form.ts';

export type EditOutcome =
  | { ok: true; changes: FieldChange[] }
  | { ok: false; reason: 'unchanged' | 'changed_meanwhile' | 'unreadable' }
  | { ok: false; reason: 'invalid'; problems: Problem[] };

export interface EntryEdit {
  entry: Entry;
  /** The form as sent (readForm). */
  values: FormValues;
  /** The file's version when the form was shown (fileVersion): an edit over someone else's is refused. */
  version: string;
  actor: string;
  /** For the review-date checks, as lint makes them. */
  today: string;
  /** 'edit' from the form; 'questions' or 'aliases' from the unanswered-question loop. */
  action?: string;
}

/** A short fingerprint of a file's text: the form carries it, and the save compares. */
export function fileVersion(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export class EntryFiles {
  /** Edits of one file wait for each other. */
  private queue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly history: Pick<KnowledgeHistory, 'add'>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The file as it is now, for the form: its text, version and entry. The entry is read from
   * the file, not taken from what is served, which may be a moment behind (a reload takes a
   * second or two): a form filled from an older version would undo the edit before it.
   * The served entry stands in when the file does not read as an entry (an edit on disk refused).
   */
  async read(entry: Entry, today?: string): Promise<{ text: string; version: string; entry: Entry } | undefined> {
    const path = resolve(entry.file);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    return { text, version: fileVersion(text), entry: readEntryText(text, path, [], today) ?? entry };
  }

  /** Checks and writes the edit; nothing is written unless the new file is valid. */
  edit(edit: EntryEdit): Promise<EditOutcome> {
    const path = resolve(edit.entry.file);
    const next = (this.queue.get(path) ?? Promise.resolve()).catch(() => {}).then(() => this.write(path, edit));
    this.queue.set(path, next);
    void next.finally(() => this.queue.get(path) === next && this.queue.delete(path)).catch(() => {});
    return next;
  }

  /** Adds lines to a list field (sample questions, aliases), those the entry lacks; the same checks and record as an edit. */
  async addLines(entry: Entry, list: 'questions' | 'aliases', lines: readonly string[], actor: string, today: string): Promise<EditOutcome> {
    const source = await this.read(entry, today);
    if (!source) return { ok: false, reason: 'unreadable' };
    const values = formValues(source.entry);
    const known = new Set(splitLines(values[list]!).map((line) => line.toLowerCase()));
    const added = lines.map((line) => line.trim()).filter((line) => line && !known.has(line.toLowerCase()));
    return this.edit({ entry, values: { ...values, [list]: [...splitLines(values[list]!), ...new Set(added)].join('\n') }, version: source.version, actor, today, action: list });
  }

  private async write(path: string, edit: EntryEdit): Promise<EditOutcome> {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return { ok: false, reason: 'unreadable' };
    if (fileVersion(text) !== edit.version) return { ok: false, reason: 'changed_meanwhile' };
    // Compared with the file as it is (the entry served may be older, when an edit on disk was refused).
    const current = readEntryText(text, path, [], edit.today) ?? edit.entry;
    const changes = changedFields(formValues(current), edit.values);
    if (changes.length === 0) return { ok: false, reason: 'unchanged' };
    const rewritten = rewriteEntryText(text, changes);
    if (rewritten === undefined) return { ok: false, reason: 'unreadable' };
    const problems: Problem[] = [];
    readEntryText(rewritten, path, problems, edit.today);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) return { ok: false, reason: 'invalid', problems: errors };
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, rewritten, 'utf8');
    await rename(temporary, path);
    await this.history.add({ at: this.now(), actor: edit.actor, entryId: edit.entry.id, action: edit.action ?? 'edit', changes });
    return { ok: true, changes };
  }
}

/**
 * The file's text with the changed fields set (or removed when emptied); undefined when its
 * front matter cannot be read. Only the changed fields' lines are rewritten, so that the
 * rest of the file (comments, folding, quotes) reads as staff wrote it.
 */
export function rewriteEntryText(text: string, changes: readonly FieldChange[]): string | undefined {
  const parts = splitFrontMatter(text);
  if (!parts.ok) return undefined;
  const doc = parseDocument(parts.yamlText);
  if (doc.errors.length) return undefined;
  // The body as it was, to the byte, unless it changed.
  let body = parts.rawBody;
  for (const change of changes) {
    if (change.field === 'body') body = change.after ? `\n${change.after}\n` : '';
    else setField(doc, change.field, change.after);
  }
  const keys = new Set(changes.filter((c) => c.field !== 'body').map((c) => c.field.split('.')[0]!));
  const wanted = doc.toJS() as Record<string, unknown>;
  const spliced = spliceKeys(parts.yamlText, wanted, keys);
  // Should the splice misread an unusual layout, the whole front matter is written out instead.
  const yamlText = isDeepStrictEqual(parseDocument(spliced).toJS(), wanted) ? spliced : doc.toString({ lineWidth: 0 });
  return `---\n${yamlText.endsWith('\n') ? yamlText : `${yamlText}\n`}---\n${body}`;
}

/** Replaces the lines of each top-level key (from its line to the next key or comment at the margin) with its new value; a new key goes last. */
function spliceKeys(yamlText: string, wanted: Record<string, unknown>, keys: ReadonlySet<string>): string {
  const lines = yamlText.replace(/\n$/, '').split('\n');
  for (const key of keys) {
    const written = key in wanted ? stringify({ [key]: wanted[key] }, { lineWidth: 0 }).replace(/\n$/, '').split('\n') : [];
    const start = lines.findIndex((line) => line.startsWith(`${key}:`));
    if (start < 0) {
      lines.push(...written);
      continue;
    }
    let end = start + 1;
    while (end < lines.length && !/^[^\s]/.test(lines[end]!)) end++;
    lines.splice(start, end - start, ...written);
  }
  return `${lines.join('\n')}\n`;
}

function setField(doc: Document, name: string, value: string): void {
  const path = name.split('.');
  const type = FORM_FIELDS.find((f) => f.name === name)?.type;
  const node = type === 'lines' ? splitLines(value) : type === 'sources' ? splitLines(value).map(sourceOf) : type === 'check' ? value !== '' : value;
  const empty = node === '' || node === false || (Array.isArray(node) && node.length === 0);
  // An emptied optional field leaves the file; an emptied required one stays empty, and the check says so.
  if (empty && !REQUIRED.has(name)) doc.deleteIn(path);
  else doc.setIn(path, doc.createNode(node));
}

const REQUIRED = new Set(['title', 'sector', 'sources', 'updated', 'review_by']);

/** "Title | https://…": the URL after the last bar. */
function sourceOf(line: string): { title: string; url: string } {
  const bar = line.lastIndexOf('|');
  return bar < 0 ? { title: line, url: '' } : { title: line.slice(0, bar).trim(), url: line.slice(bar + 1).trim() };
}
