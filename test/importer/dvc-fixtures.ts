// Real national-portal records for the importer tests, read from the shared crawl next to the repo.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const DVC_FILE = path.resolve(repoRoot, '../shared/data/dvc-procedures.jsonl.gz');
export const DVC_LINE_COUNT = 2642;

export interface DvcLine {
  /** 1-based line number in DVC_FILE. */
  line: number;
  text: string;
  record: Record<string, unknown>;
}

let cache: Map<string, DvcLine> | undefined;

/** Every record of the shared file by procedure code. */
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
