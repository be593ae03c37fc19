// `motcua national refresh <crawl>`: the national set made again from a newer portal crawl.
import { refreshNationalSet } from '../importer/national-refresh.ts';
import { failure } from './import.ts';
import { knowledgeDirs, today } from './knowledge-dirs.ts';
import { MESSAGES } from '../texts/editors.ts';
import { refreshReport } from './reports.ts';

export async function refreshNational(crawl: string, dir: string | undefined): Promise<number> {
  try {
    const report = await refreshNationalSet(crawl, knowledgeDirs(dir ? [dir] : undefined)[0]!, { today: today() });
    console.log(refreshReport(report));
    if (report.total > 0) return 0;
    console.error(MESSAGES.nationalEmpty);
    return 1;
  } catch (error) {
    console.error(MESSAGES.nationalFailed(failure(error)));
    return 1;
  }
}
