// The MiniSearch index over knowledge entries. Every text field is indexed twice,
// accented and folded, so "thuế" matches exactly while "thue" still finds it; short
// fields also get word pairs. All MiniSearch options live here and only here.
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Entry } from '../knowledge/entry.ts';
import { fieldTerms } from './tokens.ts';

const SHORT_FIELDS = ['title', 'alias', 'question'] as const;
const LONG_FIELDS = ['text'] as const;
type SourceField = (typeof SHORT_FIELDS)[number] | (typeof LONG_FIELDS)[number];

export const ACCENTED_FIELDS: readonly string[] = [...SHORT_FIELDS, ...LONG_FIELDS];
export const FOLDED_FIELDS: readonly string[] = ACCENTED_FIELDS.map((f) => `${f}_f`);
const PAIRED = new Set<string>(SHORT_FIELDS.flatMap((f) => [f, `${f}_f`]));

export interface IndexedDoc {
  id: string;
  title: string;
  alias: string;
  question: string;
  text: string;
}

/** The text each field is built from. Long procedure bodies stay out: they add noise and memory. */
export function indexedDoc(entry: Entry): IndexedDoc {
  return {
    id: entry.id,
    title: entry.title,
    alias: entry.aliases.join('\n'),
    question: entry.questions.join('\n'),
    text: [entry.summary, entry.sector, entry.result, entry.kind === 'faq' ? entry.body : ''].filter(Boolean).join('\n'),
  };
}

/** Query strings are prepared by the ranker: terms separated by single spaces. */
const splitPrepared = (text: string) => (text ? text.split(' ') : []);

const OPTIONS: Options<IndexedDoc> = {
  fields: [...ACCENTED_FIELDS, ...FOLDED_FIELDS],
  storeFields: [],
  extractField: (doc, field) => doc[field.replace(/_f$/, '') as SourceField] ?? '',
  tokenize: (text, field) =>
    field === undefined ? splitPrepared(text) : fieldTerms(text, { pairs: PAIRED.has(field), folded: field.endsWith('_f') }),
  processTerm: (term) => term,
};

export function buildIndex(entries: readonly Entry[]): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(OPTIONS);
  index.addAll(entries.map(indexedDoc));
  return index;
}

export type { SearchOptions };
