// `motcua import dvc <file.jsonl[.gz]> --out <dir>`: one knowledge file per portal record,
// streamed line by line so the whole crawl never sits in memory.
import { createReadStream, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { renderEntryFile } from '../knowledge/render.ts';
import { addMonths, mapDvcRecord } from './dvc-record.ts';

export interface SkippedLine {
  line: number;
  code?: string;
  reason: string;
}

export interface ImportReport {
  /** Lines read, blank ones included: read = written + skipped.length. */
  read: number;
  written: number;
  skipped: SkippedLine[];
  /** For each optional field, how many written files leave it empty. */
  emptyFields: Record<string, number>;
  /** For each field, how many records had text there that could not be (fully) read. */
  unparsed: Record<string, number>;
}

// Optional procedure fields worth reporting (aliases, questions, summary are never imported).
const REPORTED_FIELDS = [
  'level', 'agency', 'submit.in_person', 'submit.online', 'submit.postal', 'documents', 'steps',
  'processing_time', 'fee', 'conditions', 'result', 'legal_basis',
] as const;

export async function importDvcFile(inputPath: string, outDir: string, options: { today: string }): Promise<ImportReport> {
  addMonths(options.today, 0); // fail fast on a bad date rather than skipping every record
  await mkdir(outDir, { recursive: true });
  const report: ImportReport = { read: 0, written: 0, skipped: [], emptyFields: {}, unparsed: {} };
  const firstLineOf = new Map<string, number>();
  const file = createReadStream(inputPath);
  const input = inputPath.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  file.on('error', (error) => input.destroy(error)); // pipe() does not forward read errors

  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    const line = ++report.read;
    if (text.trim() === '') {
      report.skipped.push({ line, reason: 'blank line' });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      report.skipped.push({ line, reason: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = mapDvcRecord(raw, options.today);
    if (!result.ok) {
      report.skipped.push({ line, ...(result.code ? { code: result.code } : {}), reason: result.reason });
      continue;
    }
    const first = firstLineOf.get(result.code);
    if (first !== undefined) {
      report.skipped.push({ line, code: result.code, reason: `duplicate code, kept line ${first}` });
      continue;
    }
    firstLineOf.set(result.code, line);
    // Synchronous: thousands of small files, and awaiting each write was most of the run time.
    writeFileSync(path.join(outDir, `${result.code}.md`), renderEntryFile(result.fields, ''));
    report.written++;
    for (const field of REPORTED_FIELDS) {
      if (isEmpty(lookup(result.fields, field))) count(report.emptyFields, field);
    }
    for (const field of result.unparsed) count(report.unparsed, field);
  }
  return report;
}

function lookup(fields: object, dottedPath: string): unknown {
  return dottedPath.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], fields);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
