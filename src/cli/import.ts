// `motcua import dvc`: national-portal records → knowledge files, then a short report.
import { importDvcFile } from '../importer/dvc-import.ts';
import { today } from './knowledge-dirs.ts';
import { fileProblem, importReport, MESSAGES } from './texts.ts';

export async function importDvc(file: string, outDir: string): Promise<number> {
  try {
    const report = await importDvcFile(file, outDir, { today: today() });
    console.log(importReport(report));
    return report.written > 0 ? 0 : 1;
  } catch (error) {
    const path = (error as { path?: unknown }).path;
    console.error(MESSAGES.importFailed(typeof path === 'string' ? fileProblem(path, error) : (error as Error).message));
    return 1;
  }
}
