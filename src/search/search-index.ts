// The MiniSearch index over knowledge entries. Every text field is indexed twice,
// accented and folded, so "thuế" matches exactly while "thue" still finds it; short
// fields also get word pairs. All MiniSearch options live here and only here.
import MiniSearch, { type Options } from 'minisearch';
import type { Entry } from '../knowledge/entry.ts';
import { fieldTerms } from './tokens.ts';

const SHORT_FIELDS = ['title', 'alias', 'question'] as const;
const LONG_FIELDS = ['text'] as const;
type SourceField = (typeof SHORT_FIELDS)[number] | (typeof LONG_FIELDS)[number];

// Long fields are indexed folded only: exact diacritics tell most in names and
// phrasings, and the word-match ranking (word-match.ts) reads folded words anyway.
// This saves a fifth of the index's build time at ~2,700 entries, same rankings on dev.
export const ACCENTED_FIELDS: readonly string[] = [...SHORT_FIELDS];
export const FOLDED_FIELDS: readonly string[] = [...SHORT_FIELDS, ...LONG_FIELDS].map((f) => `${f}_f`);
const PAIRED = new Set<string>(SHORT_FIELDS);

/** An entry as the index sees it: for each field, its terms, already normalised once. */
export interface IndexedDoc {
  id: string;
  terms: Record<string, string[]>;
}

/** The text each field is built from. Long procedure bodies stay out: they add noise and memory. */
function sourceText(entry: Entry): Record<SourceField, string> {
  return {
    title: entry.title,
    alias: entry.aliases.join('\n'),
    question: entry.questions.join('\n'),
    text: [entry.summary, entry.sector, entry.result, entry.kind === 'faq' ? entry.body : ''].filter(Boolean).join('\n'),
  };
}

/** `expand`: the lexicon's expansions, so "CCCD" in an alias means what it means in a message. */
export function indexedDoc(entry: Entry, expand: (phrase: string[]) => string[]): IndexedDoc {
  const terms: Record<string, string[]> = {};
  for (const [field, text] of Object.entries(sourceText(entry))) {
    const { accented, folded } = fieldTerms(text, PAIRED.has(field), expand);
    if (ACCENTED_FIELDS.includes(field)) terms[field] = accented;
    terms[`${field}_f`] = folded;
  }
  return { id: entry.id, terms };
}

const OPTIONS: Options<IndexedDoc> = {
  fields: [...ACCENTED_FIELDS, ...FOLDED_FIELDS],
  storeFields: [],
  // Terms are prepared by indexedDoc and by the ranker, joined by single spaces.
  extractField: (doc, field) => (field === 'id' ? doc.id : (doc.terms[field] ?? []).join(' ')),
  tokenize: (text) => (text ? text.split(' ') : []),
  processTerm: (term) => term,
};

export function buildIndex(docs: readonly IndexedDoc[]): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(OPTIONS);
  index.addAll(docs);
  return index;
}

