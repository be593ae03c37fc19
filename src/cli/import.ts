// `motcua import dvc`: national-portal records → knowledge files, then a short report.
import { formatImportReport, importDvcFile } from '../importer/dvc-import.ts';
import { today } from './knowledge-dirs.ts';

export async function importDvc(file: string, outDir: string): Promise<number> {
  try {
    const report = await importDvcFile(file, outDir, { today: today() });
    console.log(formatImportReport(report));
    return report.written > 0 ? 0 : 1;
  } catch (error) {
    console.error(`motcua import: ${(error as Error).message}`);
    return 1;
  }
}
