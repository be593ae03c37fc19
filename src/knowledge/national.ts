// Where the national set lives inside the project: the National Public Service Portal's
// procedure records as crawled (knowledge/national/README.md says from where and when).
// The project carries its own copy so a fresh clone needs nothing beside it.
import { fileURLToPath } from 'node:url';

export const NATIONAL_RECORDS_FILE = fileURLToPath(new URL('../../knowledge/national/dvc-procedures.jsonl.gz', import.meta.url));
