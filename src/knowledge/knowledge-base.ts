// Everything the engine and the answers need from knowledge directories, loaded in
// one call: entries, the lexicon, the locality and the units file (each from the first
// directory that has one), and every problem found on the way.
import { join } from 'node:path';
import type { Entry } from './entry.ts';
import { EMPTY_LEXICON, loadLexicon, type Lexicon } from './lexicon.ts';
import { loadKnowledge, type LoadOptions } from './load.ts';
import { loadLocality, NATIONAL_ONLY, type Locality } from './locality.ts';
import type { Problem } from './problems.ts';
import { loadPlaces, type Places } from '../places/places.ts';

export interface KnowledgeBase {
  entries: Entry[];
  lexicon: Lexicon;
  locality: Locality;
  /** The administrative units after the 2025 merger (places/units-2025.jsonl), when the knowledge has them. */
  places?: Places;
  problems: Problem[];
}

export async function loadKnowledgeBase(dirs: readonly string[], options: LoadOptions = {}): Promise<KnowledgeBase> {
  const { entries, problems } = await loadKnowledge(dirs, options);
  let lexicon: Lexicon | undefined;
  let locality: Locality | undefined;
  let places: Places | undefined;
  for (const dir of dirs) {
    lexicon ??= await loadLexicon(join(dir, 'lexicon.yaml'), problems);
    locality ??= await loadLocality(join(dir, 'locality.yaml'), problems);
    places ??= await loadPlaces(dir);
  }
  return { entries, lexicon: lexicon ?? EMPTY_LEXICON, locality: locality ?? NATIONAL_ONLY, ...(places ? { places } : {}), problems };
}
