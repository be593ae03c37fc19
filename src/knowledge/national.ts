// The national set: every procedure of the National Public Service Portal, shipped with the
// project. `knowledge/national/dvc-procedures.jsonl.gz` is the crawl as published (the source,
// see knowledge/national/README.md); `procedures.jsonl.gz` beside it is what the bot loads,
// one procedure's fields a line, derived from the crawl by `motcua national refresh`, so a
// start reads ready fields instead of parsing the portal's pages again. Staff never edit
// either: a curated Markdown file with the same code wins over the national record.
//
// `procedures.check.json` records the set's format and checksum when it is written. A set
// that matches was validated line by line as it was written, so a start only parses it
// (validating 2,642 records again costs about half a second); one that does not match
// (edited by hand, or written for other fields) is validated line by line, and staff are
// told to refresh it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { shownPath } from './optional-file.ts';
import { gunzipSync, gzipSync } from 'node:zlib';
import { entryFrom, type Entry } from './entry.ts';
import type { Problem } from './problems.ts';
import { procedureSchema, type ProcedureFields } from './schema.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

/** The fields a line holds: a set written for other fields (the schema changed since) is validated, not trusted. */
const FORMAT = `procedure:${Object.keys(procedureSchema.shape).join(',')}`;

interface Check {
  format: string;
  sha256: string;
  count: number;
}

/** The national set of a knowledge directory: `<dir>/national/procedures.jsonl.gz`. */
export function nationalSetFile(dir: string): string {
  return join(dir, 'national', 'procedures.jsonl.gz');
}

function checkFile(dir: string): string {
  return join(dir, 'national', 'procedures.check.json');
}

/** The national set of `dir`, if it has one; a bad line is reported and skipped. */
export async function loadNationalSet(dir: string, problems: Problem[]): Promise<Entry[]> {
  const path = nationalSetFile(dir);
  const file = shownPath(path);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push({ file, line: 0, field: '-', message: K.unreadableNational(code ?? (error as Error).message), severity: 'error' });
    return [];
  }
  const trusted = await matchesCheck(dir, data);
  if (!trusted) problems.push({ file, line: 0, field: '-', message: K.nationalUnchecked, severity: 'warning' });
  const entries: Entry[] = [];
  for (const [i, text] of gunzipSync(data).toString('utf8').split('\n').entries()) {
    if (!text.trim()) continue;
    const report = (message: string) => problems.push({ file, line: i + 1, field: '-', message, severity: 'error' });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      report(K.nationalBadLine);
      continue;
    }
    if (trusted) {
      entries.push(entryFrom(raw as ProcedureFields, '', `${file}:${i + 1}`));
      continue;
    }
    const parsed = procedureSchema.safeParse(raw);
    if (!parsed.success) {
      report(parsed.error.issues.map((issue) => `${issue.path.join('.') || '-'}: ${issue.message}`).join('; '));
      continue;
    }
    entries.push(entryFrom(parsed.data, '', `${file}:${i + 1}`));
  }
  return entries;
}

async function matchesCheck(dir: string, data: Buffer): Promise<boolean> {
  try {
    const check = JSON.parse(await readFile(checkFile(dir), 'utf8')) as Partial<Check>;
    return check.format === FORMAT && check.sha256 === sha256(data);
  } catch {
    return false;
  }
}

/** The set's files, as `motcua national refresh` writes them: one procedure a line, in code order so that refreshes diff well. */
export function nationalSetFiles(dir: string, procedures: readonly ProcedureFields[]): { path: string; content: Buffer | string }[] {
  const sorted = [...procedures].sort((a, b) => a.code.localeCompare(b.code));
  // Validated as written: every line goes through the schema, with its field order.
  const lines = sorted.map((p) => JSON.stringify(procedureSchema.parse(p)));
  const data = gzipSync(lines.join('\n') + '\n', { level: 9 });
  const check: Check = { format: FORMAT, sha256: sha256(data), count: lines.length };
  return [
    { path: nationalSetFile(dir), content: data },
    { path: checkFile(dir), content: JSON.stringify(check, null, 2) + '\n' },
  ];
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
