// `motcua import dvc`: national-portal records → knowledge files, then a short report.
// With --code, only those procedures, as curated files staff take over and edit.
import { importDvcFile } from '../importer/dvc-import.ts';
import { today } from './knowledge-dirs.ts';
import { fileProblem, MESSAGES } from '../texts/editors.ts';
import { importReport } from './reports.ts';

export async function importDvc(file: string, outDir: string, codes?: string[]): Promise<number> {
  try {
    const report = await importDvcFile(file, outDir, { today: today(), ...(codes?.length ? { codes: new Set(codes), origin: 'curated' as const } : {}) });
    console.log(importReport(report));
    if (codes?.length && report.written < new Set(codes).size) {
      console.error(MESSAGES.importCodesMissing(codes));
      return 1;
    }
    return report.written > 0 ? 0 : 1;
  } catch (error) {
    console.error(MESSAGES.importFailed(failure(error)));
    return 1;
  }
}

/** A file that cannot be read is named with the reason; anything else by its message. */
export function failure(error: unknown): string {
  const path = (error as { path?: unknown }).path;
  return typeof path === 'string' ? fileProblem(path, error) : (error as Error).message;
}
