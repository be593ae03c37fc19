// `motcua national refresh <crawl>`: rebuilds a knowledge directory's national set from a
// (newer) portal crawl and says what changed: procedures added, removed, and which fields
// of which procedures differ. The crawl is kept beside the set as its source.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadNationalSet, nationalSetFiles } from '../knowledge/national.ts';
import type { ProcedureFields } from '../knowledge/schema.ts';
import { emptyReport, readDvcFile, type ImportReport } from './dvc-import.ts';

export interface RefreshReport {
  import: ImportReport;
  added: string[];
  removed: string[];
  changed: { code: string; fields: string[] }[];
  total: number;
}

/** Fields that change with every refresh and say nothing about the procedure. */
const BOOKKEEPING = new Set(['updated', 'review_by']);

export async function refreshNationalSet(crawl: string, dir: string, options: { today: string }): Promise<RefreshReport> {
  const report = emptyReport();
  const procedures: ProcedureFields[] = [];
  for await (const fields of readDvcFile(crawl, options, report)) procedures.push(fields);
  // Read before anything is written: a crawl with nothing readable leaves the set as it was.
  if (procedures.length === 0) return { import: report, added: [], removed: [], changed: [], total: 0 };

  const before = new Map((await loadNationalSet(dir, [])).map((entry) => [entry.code, entry as unknown as Record<string, unknown>]));
  const after = new Map(procedures.map((p) => [p.code, p as unknown as Record<string, unknown>]));
  const changed = [...after].flatMap(([code, fields]) => {
    const old = before.get(code);
    const differing = old ? Object.keys(fields).filter((key) => !BOOKKEEPING.has(key) && JSON.stringify(fields[key]) !== JSON.stringify(old[key])) : [];
    return differing.length ? [{ code, fields: differing }] : [];
  });

  const files = nationalSetFiles(dir, procedures);
  await mkdir(dirname(files[0]!.path), { recursive: true });
  for (const { path, content } of files) await writeFile(path, content);
  await keepCrawl(crawl, resolve(dirname(files[0]!.path), 'dvc-procedures.jsonl.gz'));
  return {
    import: report,
    added: [...after.keys()].filter((code) => !before.has(code)).sort(),
    removed: [...before.keys()].filter((code) => !after.has(code)).sort(),
    changed: changed.sort((a, b) => a.code.localeCompare(b.code)),
    total: procedures.length,
  };
}

/** The crawl the set was made from stays beside it (gzipped), so the set can always be made again. */
async function keepCrawl(crawl: string, kept: string): Promise<void> {
  if (resolve(crawl) === kept) return;
  if (crawl.endsWith('.gz')) await copyFile(crawl, kept);
  else await writeFile(kept, gzipSync(await readFile(crawl), { level: 9 }));
}
