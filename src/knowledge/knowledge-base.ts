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
import { KNOWLEDGE_TEXTS as K } from '../texts/editors.ts';

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
  let lexiconFile = 'lexicon.yaml';
  let locality: Locality | undefined;
  let places: Places | undefined;
  for (const dir of dirs) {
    if (!lexicon) {
      lexiconFile = join(dir, 'lexicon.yaml');
      lexicon = await loadLexicon(lexiconFile, problems);
    }
    locality ??= await loadLocality(join(dir, 'locality.yaml'), problems);
    places ??= await loadPlaces(dir);
  }
  const known = new Set(entries.map((e) => e.id));
  // Lexicon rules that name entries no file has are warned of; the rule is then not used.
  const warnUnknown = (field: string, ids: readonly string[], message: (id: string) => string) => {
    for (const id of ids.filter((id) => !known.has(id))) problems.push({ file: lexiconFile, line: 0, field, message: message(id), severity: 'warning' });
  };
  for (const { entries: pair } of lexicon?.ask_apart ?? []) warnUnknown('ask_apart', pair, K.unknownAskApart);
  for (const { entry, over } of lexicon?.everyday ?? []) warnUnknown('everyday', [entry, ...over], K.unknownEveryday);
  return { entries, lexicon: lexicon ?? EMPTY_LEXICON, locality: locality ?? NATIONAL_ONLY, ...(places ? { places } : {}), problems };
}
