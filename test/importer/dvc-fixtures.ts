// Real national-portal records for the importer tests: the project's own copy of the crawl.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The project's own copy of the portal crawl, the source of its national set. */
export const DVC_FILE = fileURLToPath(new URL('../../knowledge/national/dvc-procedures.jsonl.gz', import.meta.url));
export const DVC_LINE_COUNT = 2642;

export interface DvcLine {
  /** 1-based line number in DVC_FILE. */
  line: number;
  text: string;
  record: Record<string, unknown>;
}

let cache: Map<string, DvcLine> | undefined;

/** Every record of the national file by procedure code. */
export function dvcRecords(): Map<string, DvcLine> {
  cache ??= new Map(
    gunzipSync(readFileSync(DVC_FILE))
      .toString('utf8')
      .split('\n')
      .map((text, i) => ({ line: i + 1, text }))
      .filter(({ text }) => text.trim() !== '')
      .map(({ line, text }) => {
        const record = JSON.parse(text) as Record<string, unknown>;
        return [String(record.ma_thu_tuc), { line, text, record }];
      }),
  );
  return cache;
}

export function dvcRecord(code: string): Record<string, unknown> {
  const found = dvcRecords().get(code);
  if (!found) throw new Error(`no record ${code} in ${DVC_FILE}`);
  return found.record;
}
