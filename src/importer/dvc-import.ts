// Reading a national-portal crawl (one JSON record a line, gzip or not), streamed line
// by line so the whole crawl never sits in memory, with a report of what was skipped,
// left empty or could not be read. Two uses: `motcua import dvc` writes knowledge files
// (all records, or the ones named by code, as curated files staff can edit), and the
// national set is refreshed from it (national-refresh.ts).
import { createReadStream, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ProcedureFields } from '../knowledge/schema.ts';
import { renderEntryFile } from '../knowledge/render.ts';
import { addMonths, mapDvcRecord } from './dvc-record.ts';
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

export interface SkippedLine {
  line: number;
  code?: string;
  reason: string;
}

export interface ImportReport {
  /** Lines read, blank ones included: read = written + skipped.length (+ records not asked for). */
  read: number;
  written: number;
  skipped: SkippedLine[];
  /** For each optional field, how many written records leave it empty. */
  emptyFields: Record<string, number>;
  /** For each field, how many records had text there that could not be (fully) read. */
  unparsed: Record<string, number>;
}

// Optional procedure fields worth reporting (aliases, questions, summary are never imported).
const REPORTED_FIELDS = [
  'level', 'agency', 'submit.in_person', 'submit.online', 'submit.postal', 'documents', 'steps',
  'processing_time', 'fee', 'conditions', 'result', 'legal_basis',
] as const;

export interface ReadOptions {
  /** The date the records count as updated (YYYY-MM-DD). */
  today: string;
  /** Only these codes (all when absent). */
  codes?: ReadonlySet<string>;
}

/**
 * Every readable record of a crawl, first line per code, as procedure fields; `report`
 * is filled in as the records are read.
 */
export function readDvcFile(inputPath: string, options: ReadOptions, report: ImportReport): AsyncGenerator<ProcedureFields> {
  addMonths(options.today, 0); // fail fast, before any output, on a bad date rather than skipping every record
  return records(inputPath, options, report);
}

async function* records(inputPath: string, options: ReadOptions, report: ImportReport): AsyncGenerator<ProcedureFields> {
  const firstLineOf = new Map<string, number>();
  const file = createReadStream(inputPath);
  const input = inputPath.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  file.on('error', (error) => input.destroy(error)); // pipe() does not forward read errors

  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    const line = ++report.read;
    if (text.trim() === '') {
      report.skipped.push({ line, reason: K.blankLine });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      report.skipped.push({ line, reason: K.invalidJson((error as Error).message) });
      continue;
    }
    const result = mapDvcRecord(raw, options.today);
    if (!result.ok) {
      report.skipped.push({ line, ...(result.code ? { code: result.code } : {}), reason: result.reason });
      continue;
    }
    if (options.codes && !options.codes.has(result.code)) continue;
    const first = firstLineOf.get(result.code);
    if (first !== undefined) {
      report.skipped.push({ line, code: result.code, reason: K.duplicateCode(first) });
      continue;
    }
    firstLineOf.set(result.code, line);
    report.written++;
    for (const field of REPORTED_FIELDS) {
      if (isEmpty(lookup(result.fields, field))) count(report.emptyFields, field);
    }
    for (const field of result.unparsed) count(report.unparsed, field);
    yield result.fields;
  }
}

export function emptyReport(): ImportReport {
  return { read: 0, written: 0, skipped: [], emptyFields: {}, unparsed: {} };
}

export interface ImportOptions extends ReadOptions {
  /** `curated`: files staff take over and edit; they then win over the national record with the same code. */
  origin?: ProcedureFields['origin'];
}

/** One knowledge file per record, named by its code. */
export async function importDvcFile(inputPath: string, outDir: string, options: ImportOptions): Promise<ImportReport> {
  const report = emptyReport();
  const records = readDvcFile(inputPath, options, report);
  await mkdir(outDir, { recursive: true });
  for await (const fields of records) {
    const written = options.origin ? { ...fields, origin: options.origin } : fields;
    // Synchronous: thousands of small files, and awaiting each write was most of the run time.
    writeFileSync(path.join(outDir, `${fields.code}.md`), renderEntryFile(written, ''));
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
