// Knowledge files that may be absent (the locality, the lexicon, the places files): read when
// present, and named in problems as the staff see them, from the project folder.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/** The file's text, or undefined when there is no such file; any other failure is thrown. */
export async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The path as problems name it: relative to the working folder. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
