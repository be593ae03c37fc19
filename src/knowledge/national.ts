// The national set: every procedure of the National Public Service Portal, shipped with the
// project. `knowledge/national/dvc-procedures.jsonl.gz` is the crawl as published (the source,
// see knowledge/national/README.md); `procedures.jsonl.gz` beside it is what the bot loads,
// one procedure's fields a line, derived from the crawl by `motcua national refresh`, so a
// start reads ready fields instead of parsing the portal's pages again. Staff never edit
// either: a curated Markdown file with the same code wins over the national record.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { entryFrom, type Entry } from './entry.ts';
import type { Problem } from './problems.ts';
import { procedureSchema, type ProcedureFields } from './schema.ts';

/** The national set of a knowledge directory: `<dir>/national/procedures.jsonl.gz`. */
export function nationalSetFile(dir: string): string {
  return join(dir, 'national', 'procedures.jsonl.gz');
}

/** The national set of `dir`, if it has one; a bad line is reported and skipped. */
export async function loadNationalSet(dir: string, problems: Problem[]): Promise<Entry[]> {
  const path = nationalSetFile(dir);
  const file = relative(process.cwd(), path) || path;
  let lines: string[];
  try {
    lines = gunzipSync(await readFile(path)).toString('utf8').split('\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push({ file, line: 0, field: '-', message: `không đọc được bộ thủ tục quốc gia (${code ?? (error as Error).message})`, severity: 'error' });
    return [];
  }
  const entries: Entry[] = [];
  for (const [i, text] of lines.entries()) {
    if (!text.trim()) continue;
    const report = (message: string) => problems.push({ file, line: i + 1, field: '-', message, severity: 'error' });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      report('dòng không phải JSON hợp lệ; hãy tạo lại tệp bằng "motcua national refresh"');
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

/** The national set file's content: one procedure a line, in code order so that refreshes diff well. */
export function nationalSetContent(procedures: readonly ProcedureFields[]): Buffer {
  const sorted = [...procedures].sort((a, b) => a.code.localeCompare(b.code));
  return gzipSync(sorted.map((p) => JSON.stringify(p)).join('\n') + '\n', { level: 9 });
}
